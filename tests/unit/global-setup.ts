// Starts a throw-away embedded PostgreSQL for integration tests and applies the migrations.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data/unit-test");
  await rm(dataDir, { recursive: true, force: true });
  process.env.DATA_DIR = dataDir;
  process.env.EMBEDDED_PG_PORT ??= "54349";
  const { startDatabase } = await import("../../scripts/database");
  const { applyMigrations } = await import("../../lib/db/migrations");
  const database = await startDatabase();
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
