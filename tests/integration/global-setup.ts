// Starts a throw-away embedded PostgreSQL for integration tests and applies the migrations.
// Each run gets its own folder and port, so two runs on one machine do not collide.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(`.data/unit-test-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  process.env.DATA_DIR = dataDir;
  // scripts/database reads DATA_DIR when it is imported, so it is imported only now.
  const { findFreePort, startDatabase } = await import("../../scripts/database");
  process.env.EMBEDDED_PG_PORT = String(await findFreePort());
  const { applyMigrations } = await import("../../lib/db/migrations");
  const database = await startDatabase();
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
    // As root in a 0700 checkout the data folder lives outside DATA_DIR (scripts/embedded-postgres.ts).
    const databaseDir = database.databaseDir;
    if (databaseDir && !databaseDir.startsWith(`${dataDir}${path.sep}`)) {
      await rm(path.dirname(databaseDir), { recursive: true, force: true });
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
