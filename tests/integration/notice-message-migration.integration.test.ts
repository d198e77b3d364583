// The migrations 20261207155832_notice_message (the column) and 20261207171500_notice_message_backfill
// (the move) on a database of the release before them: notices
// written while the 通知's words travelled after a record separator at the end of the body (the
// format below, as lib/notices/notice-message.ts wrote it until this column) come out with the
// body the Japanese text alone and the words in notice.message; an older notice is left as it was.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { noFilters, readMigrationsList, schemaPath } from "@/lib/db/migrations";
import { openSchemaEngine } from "@/lib/db/schema-engine";

const MIGRATION = "20261207155832_notice_message";
const BACKFILL = "20261207171500_notice_message_backfill";
/** The old format's separator (U+001E RECORD SEPARATOR and a name), between the body and the JSON. */
const OLD_MARKER = "\n\u001eccus-notice-message:";

const databaseName = `notice_migration_${randomUUID().slice(0, 8)}`;
const databaseUrl = (() => {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

afterAll(() => onServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));

/** Applies the migrations before MIGRATION, as the release before it left the database. */
async function migrateToReleaseBefore() {
  const list = await readMigrationsList();
  const before = {
    ...list,
    migrationDirectories: list.migrationDirectories.filter((dir) => dir.path < MIGRATION),
  };
  expect(before.migrationDirectories.map((dir) => dir.path)).not.toContain(MIGRATION);
  expect(list.migrationDirectories.map((dir) => dir.path)).toContain(
    "20261207171500_notice_message_backfill",
  );
  const engine = await openSchemaEngine(databaseUrl, schemaPath);
  try {
    await engine.applyMigrations({ migrationsList: before, filters: noFilters });
  } finally {
    engine.free();
  }
}

/**
 * `npm run db:migrate`'s launcher (scripts/run.ts migrate), as the next start applies it. In a
 * process of its own: the schema engine (WebAssembly) cannot be loaded twice in one process.
 */
function migrateInChild(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/run.ts", "migrate"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe(`migration ${MIGRATION}`, () => {
  it("moves the message after the separator into notice.message and leaves the body Japanese", async () => {
    await onServer(`CREATE DATABASE ${databaseName}`);
    await migrateToReleaseBefore();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const [applicant] = (
        await client.query<{ id: string }>(
          `INSERT INTO applicant (id, login_id, name, email, password_hash, updated_at)
           VALUES (gen_random_uuid(), '12345678901221', '移行 太郎', 'migration@example.test', 'x', now())
           RETURNING id`,
        )
      ).rows;
      const japanese =
        "申請番号 20261126-000003 の技能者情報登録申請の内容に不備がありました。\n\n1. 【本人情報】旧姓";
      // Quotes, a line break, a backslash and the separator's own character inside the JSON's strings.
      const message = {
        lines: [
          { text: 'i18n:review.noticeText.returned.intro|{"number":"20261126-000003"}' },
          {},
          { text: "i18n:review.noticeText.returned.comment", ja: '「旧姓」\\で\n入力 "済" \u001e' },
        ],
      };
      const insert = (body: string) =>
        client.query<{ id: string }>(
          `INSERT INTO notice (id, applicant_id, kind, title, body)
           VALUES (gen_random_uuid(), $1, 'APPLICATION_RETURNED', '技能者情報申請内容不備のお知らせ', $2) RETURNING id`,
          [applicant!.id, body],
        );
      const [written] = (await insert(`${japanese}${OLD_MARKER}${JSON.stringify(message)}`)).rows;
      const older = "技能者情報登録申請を受け付けました。\n申請番号：20261126-000001";
      const [old] = (await insert(older)).rows;

      const migrated = await migrateInChild();
      expect(migrated, migrated.output).toMatchObject({ code: 0 });
      expect(migrated.output).toContain(`Applied migrations: ${MIGRATION}, ${BACKFILL}\n`);

      const rows = (
        await client.query<{ id: string; body: string; message: unknown }>(
          "SELECT id, body, message FROM notice WHERE applicant_id = $1",
          [applicant!.id],
        )
      ).rows;
      expect(rows.find((row) => row.id === written!.id)).toEqual({
        id: written!.id,
        body: japanese,
        message,
      });
      expect(rows.find((row) => row.id === old!.id)).toEqual({ id: old!.id, body: older, message: null });
    } finally {
      await client.end();
    }
  }, 120_000);
});
