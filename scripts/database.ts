// Finds the database: DATABASE_URL when set, otherwise an embedded PostgreSQL kept under DATA_DIR.
// A server is reused only when it is this data folder's own (its data_directory and start time
// match the folder's postmaster.pid), so two checkouts never share a database by accident.
import { mkdir, realpath, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import {
  DatabaseStartError,
  errorText,
  initialiseDataFolder,
  isRoot,
  packageBinaries,
  readPostmasterPid,
  startServer,
  type Binaries,
} from "./embedded-postgres";
import { postgresUser, reachableBinaries, resolveDatabaseDir, RUNTIME_BASE } from "./postgres-placement";

export { DatabaseStartError };

export const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const DEFAULT_PORT = 54329;

export interface DatabaseHandle {
  url: string;
  /** The embedded server's data folder (absent with DATABASE_URL). */
  databaseDir?: string;
  port?: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  /** Default: EMBEDDED_PG_PORT, else 54329. */
  port?: number;
  /** Whether a busy port gives way to a free one. Default: only when EMBEDDED_PG_PORT is unset. */
  portGivesWay?: boolean;
  /** For tests: binaries somewhere else (e.g. a copy in a 0700 folder), another runtime base. */
  binaries?: Binaries;
  runtimeBase?: string;
}

const urlFor = (port: number, database = "ccus") =>
  `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** A loopback port no one listens on right now (the tests start their servers on such ports too). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port was given")),
      );
    });
  });
}

/** Who answers on the port: its data folder and start time, or null if it is no server of ours. */
async function identify(port: number): Promise<{ dataDirectory: string; startedAt: number } | null> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string; started: string }>(
      "SELECT current_setting('data_directory') AS dir, floor(extract(epoch FROM pg_postmaster_start_time()))::bigint AS started",
    );
    const row = rows[0];
    return row ? { dataDirectory: row.dir, startedAt: Number(row.started) } : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The port of this data folder's running server, if one is running. */
async function findOwnServer(databaseDir: string): Promise<number | null> {
  const pid = await readPostmasterPid(databaseDir);
  if (!pid) return null;
  const found = await identify(pid.port);
  const isOwn = found?.dataDirectory === databaseDir && Math.abs(found.startedAt - pid.startedAt) <= 1;
  return isOwn ? pid.port : null;
}

async function createDatabaseIfMissing(port: number) {
  const admin = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ccus'");
    if (found.rowCount === 0) await admin.query("CREATE DATABASE ccus");
  } finally {
    await admin.end();
  }
}

/** A port for a new server: the asked-for one, or (when it may give way) any free one. */
async function choosePort(preferred: number, givesWay: boolean, databaseDir: string): Promise<number> {
  if (!(await isPortOpen(preferred))) return preferred;
  const other = await identify(preferred);
  const who = other
    ? `データフォルダー ${other.dataDirectory} の PostgreSQL `
    : "（このデータフォルダーのものではない）サーバー";
  if (!givesWay) {
    throw new DatabaseStartError(
      `EMBEDDED_PG_PORT=${preferred} は別の${who}が使っているので、そのサーバーを止めるか、EMBEDDED_PG_PORT に空いているポートを指定してください（${databaseDir} のデータベースは起動していません）。`,
    );
  }
  const port = await findFreePort();
  console.warn(
    `ポート ${preferred} は別の${who}が使っているため、このチェックアウトの組み込み PostgreSQL はポート ${port} で起動します（固定するには EMBEDDED_PG_PORT を設定してください）。`,
  );
  return port;
}

export async function startDatabase(options: StartOptions = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL && !options.dataDir) {
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  try {
    return await startEmbedded(options);
  } catch (error) {
    if (error instanceof DatabaseStartError) throw error;
    throw new DatabaseStartError(
      `組み込み PostgreSQL を準備できなかったので（${errorText(error)}）、DATA_DIR（${path.resolve(options.dataDir ?? dataDir)}）に書き込めるか確かめるか、DATABASE_URL に PostgreSQL を指定してください。`,
    );
  }
}

async function startEmbedded(options: StartOptions): Promise<DatabaseHandle> {
  const envPort = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort > 0 && envPort < 65536)) {
    throw new DatabaseStartError(
      `EMBEDDED_PG_PORT=${process.env.EMBEDDED_PG_PORT} はポート番号ではないので、1〜65535 の数にするか、設定を外してください。`,
    );
  }
  const preferredPort = options.port ?? envPort ?? DEFAULT_PORT;
  const portGivesWay = options.portGivesWay ?? envPort === undefined;
  const folder = path.resolve(options.dataDir ?? dataDir);
  await mkdir(folder, { recursive: true });
  // Compared with what the server reports, so no symbolic link may hide in it.
  const realDataDir = await realpath(folder);
  const user = isRoot() ? await postgresUser() : null;
  const base = options.runtimeBase ?? RUNTIME_BASE;
  const databaseDir = await resolveDatabaseDir(realDataDir, user, base);

  const reuse = async (port: number): Promise<DatabaseHandle> => {
    // Another process of this checkout (the running app) owns the server.
    await createDatabaseIfMissing(port);
    return { url: urlFor(port), databaseDir, port, stop: async () => {} };
  };
  const running = await findOwnServer(databaseDir);
  if (running) return reuse(running);

  const port = await choosePort(preferredPort, portGivesWay, databaseDir);
  const binaries = user
    ? await reachableBinaries(options.binaries ?? (await packageBinaries()), user, base)
    : (options.binaries ?? (await packageBinaries()));
  if (!(await stat(path.join(databaseDir, "PG_VERSION")).catch(() => null))) {
    await initialiseDataFolder(binaries, databaseDir, user);
  }
  let server;
  try {
    server = await startServer(binaries, databaseDir, port, user);
  } catch (error) {
    // Started by another process of this checkout at the same moment: use that one.
    const other = await findOwnServer(databaseDir);
    if (other) return reuse(other);
    throw error;
  }
  try {
    await createDatabaseIfMissing(port);
  } catch (error) {
    await server.stop();
    throw new DatabaseStartError(
      `組み込み PostgreSQL（ポート ${port}）に接続できなかったので（${errorText(error)}）、${databaseDir} を確かめるか、DATABASE_URL に PostgreSQL を指定してください。`,
    );
  }
  console.log(`Embedded PostgreSQL on 127.0.0.1:${port} (data: ${databaseDir})`);
  return { url: urlFor(port), databaseDir, port, stop: () => server.stop() };
}
