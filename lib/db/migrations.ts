// Applies the committed SQL migrations under prisma/migrations (Prisma's own _prisma_migrations table).
// Several instances may start at once on one database: each takes a PostgreSQL advisory lock
// first, so one applies the pending migrations and the others, once it is done, find none left.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { openSchemaEngine } from "./schema-engine";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

export async function readMigrationsList() {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The advisory lock key of our migrations ("ccus-mig" in ASCII, as a bigint). Not Prisma's own
 * key (72707369), which its engine may take on its own connection while we hold ours.
 */
export const MIGRATION_LOCK_KEY = "7161696969993054567";

/**
 * Runs `work` while holding the migration lock on a connection of its own. The lock is a session
 * lock: if this process dies, PostgreSQL releases it with the connection.
 */
export async function withMigrationLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: "ccus-migrations" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Applies every pending migration (under the migration lock); returns the names of those applied now. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withMigrationLock(connectionString, async () => {
    const engine = await openSchemaEngine(connectionString, schemaPath);
    try {
      const result = await engine.applyMigrations({
        migrationsList: await readMigrationsList(),
        filters: noFilters,
      });
      return result.appliedMigrationNames;
    } finally {
      engine.free();
    }
  });
}
