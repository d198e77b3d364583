// The data of the data-scale benchmark (scripts/bench/data-scale.ts): n technicians with what a
// lived-in portal holds for them, written in SQL (one statement per table, generate_series and
// set-based joins, no row-by-row work in Node). The applicants, their applications and fees come
// from the staff-list seed (scripts/bench/staff-list-rows.ts); this adds every sent version,
// the decisions and their 不備 items, consent records, sessions, notices, sent emails and the
// audit trail those events leave. Shapes follow prisma/schema.prisma and the code that writes
// each table (the audit actions and targets of lib/**, the outbox templates of emails/registry.ts,
// the submission content that lib/review/version-diff.ts validates).
import pg from "pg";
import { seedStaffListRows } from "./staff-list-rows";

/** The staff member the generated decisions and issuances name (not a login: no usable hash). */
export const GENERATED_REVIEWER_EMAIL = "bench-reviewer@example.com";

export interface GenerationStep {
  table: string;
  rows: number;
  ms: number;
}

const jsonText = (value: string) => JSON.stringify(value).replace(/'/g, "''");
/** SQL text of a JSON string whose value is the SQL expression `sql` (escaped with to_json). */
const dynamic = (sql: string) => `' || to_json(${sql})::text || '`;
/** One item of a submitted version's content: { id, label, value }; `value` is SQL when dynamic. */
const item = (id: string, label: string, value: string, isSql = false) =>
  `{"id": ${jsonText(id)}, "label": ${jsonText(label)}, "value": ${isSql ? dynamic(value) : jsonText(value)}}`;
const imageItem = (id: string, label: string, alt: string, slot: string) =>
  `{"id": ${jsonText(id)}, "label": ${jsonText(label)}, "value": "画像あり", "image": {"fileId": ` +
  `${dynamic(`md5(a.id::text || '${slot}')::uuid::text`)}, "alt": ${jsonText(alt)}}}`;
const section = (key: string, title: string, items: string[]) =>
  `{"key": ${jsonText(key)}, "title": ${jsonText(title)}, "items": [${items.join(", ")}]}`;

/**
 * The check page's sections as submit-application.ts stores them (簡略型: 本人情報, 所属事業者,
 * 職種, 社会保険, 本人確認書類 and 顔写真 with their image file ids), about 2 KB of JSON per
 * version, built as text with the row's own values in it (name, email, number, phone, image ids)
 * and cast once: a jsonb_build_object per item costs five times as much at 2 million rows.
 * Version 2 of a 再申請 has a corrected phone number (the review page's 変更点 then has a row).
 */
function contentSql(): string {
  const sections = [
    section("personal-info", "本人情報", [
      item("isJapanese", "国籍区分", "日本国籍"),
      item("familyName", "氏名（姓）", "split_part(p.name, ' ', 1)", true),
      item("givenName", "氏名（名）", "split_part(p.name, ' ', 2)", true),
      item("familyNameKana", "フリガナ（セイ）", "ヤマダ"),
      item("givenNameKana", "フリガナ（メイ）", "タロウ"),
      item("birthDate", "生年月日", "1978年4月12日"),
      item("gender", "性別", "男性"),
      item("bloodType", "血液型", "A型 Rh+"),
      item("postalCode", "郵便番号", "1000013"),
      item("prefecture", "都道府県", "東京都"),
      item("city", "市区町村・番地", "千代田区霞が関2-1-3"),
      item("building", "建物名・部屋番号", ""),
      item("phone", "電話番号", "'090' || right(p.login_id, 6) || s.v || '1'", true),
      item("email", "メールアドレス", "p.email", true),
    ]),
    section("employer", "所属事業者", [
      item("employmentKind", "所属の形態", "事業者に雇用されている"),
      item("employerName", "事業者名", "'株式会社' || split_part(p.name, ' ', 1) || '建設'", true),
      item("employerId", "事業者ID", "left(p.login_id, 12) || '22'", true),
    ]),
    section("job-types", "職種", [
      item("rows-0-major", "職種1（大分類）", "とび"),
      item("rows-0-minor", "職種1（小分類）", "とび工"),
      item("rows-1-major", "職種2（大分類）", "土工"),
      item("rows-1-minor", "職種2（小分類）", "土工"),
    ]),
    section("social-insurance", "社会保険加入状況", [
      item("healthInsurance", "健康保険", "協会けんぽ"),
      item("pensionInsurance", "年金保険", "厚生年金"),
      item("employmentInsurance", "雇用保険", "加入"),
      item(
        "employmentInsuranceNumber",
        "雇用保険被保険者番号",
        "'1234-' || right(p.login_id, 6) || '-1'",
        true,
      ),
      item("kentaikyo", "建退共", "加入"),
      item("chutaikyo", "中退共", "未加入"),
    ]),
    section("identity-document", "本人確認書類", [
      item("documentType", "本人確認書類の種類", "運転免許証"),
      imageItem("front", "表面", "本人確認書類（表面）", "front"),
      imageItem("back", "裏面", "本人確認書類（裏面）", "back"),
    ]),
    section("face-photo", "顔写真", [imageItem("photo", "顔写真", "顔写真", "photo")]),
  ];
  return `('{"applicationNumber": ${dynamic("a.application_number")}, "sections": [${sections.join(", ")}]}')::jsonb`;
}

/** Statements after the seed, in order; each its own table. */
function statements(): { table: string; sql: string }[] {
  return [
    {
      table: "staff_user",
      sql: `INSERT INTO staff_user (id, email, name, password_hash, role, updated_at)
            SELECT gen_random_uuid(), '${GENERATED_REVIEWER_EMAIL}', '審査 担当',
                    '$2b$04$benchmark.rows.have.no.usable.password.hash.at.all.x', 'STAFF', now()
            WHERE NOT EXISTS (SELECT 1 FROM staff_user WHERE email = '${GENERATED_REVIEWER_EMAIL}')`,
    },
    {
      // Fees waiting for payment are due in the future and reminded already: the server's payment
      // worker would otherwise expire and remind ~9 % of them during the measurement.
      table: "application_fee (unpaid: due later)",
      sql: `UPDATE application_fee SET due_at = now() + interval '20 days', reminder_sent_at = now()
            WHERE status = 'UNPAID'`,
    },
    {
      table: "application_submission",
      sql: `INSERT INTO application_submission (id, application_id, version, registration_type, content, submitted_at)
            SELECT gen_random_uuid(), a.id, s.v, coalesce(a.registration_type, 'SIMPLE'), ${contentSql()},
                   CASE WHEN s.v = 1 THEN a.submitted_at ELSE a.last_sent_at END
            FROM application a
            JOIN applicant p ON p.id = a.applicant_id
            CROSS JOIN LATERAL generate_series(1, CASE WHEN a.status = 'RESUBMITTED' THEN 2 ELSE 1 END) AS s(v)
            WHERE a.status <> 'DRAFT'`,
    },
    {
      // One decision per decided version: 不備 on version 1 of RETURNED and RESUBMITTED, 承認 of COMPLETED.
      table: "application_review",
      sql: `INSERT INTO application_review (id, application_id, submission_version, decision, staff_id, decided_at)
            SELECT gen_random_uuid(), a.id, 1,
                   (CASE WHEN a.status = 'COMPLETED' THEN 'APPROVED' ELSE 'RETURNED' END)::review_decision,
                   (SELECT id FROM staff_user WHERE email = '${GENERATED_REVIEWER_EMAIL}'),
                   coalesce(a.completed_at, a.submitted_at + interval '3 days')
            FROM application a
            WHERE a.status IN ('RETURNED', 'RESUBMITTED', 'COMPLETED')`,
    },
    {
      table: "application_review_item",
      sql: `INSERT INTO application_review_item (id, review_id, position, reason_code, group_key, reason_label, comment)
            SELECT gen_random_uuid(), r.id, 1, 'personal-info-phone', 'personal-info',
                   '電話番号に誤りがある', '電話番号が本人確認書類と異なります。確認して修正してください。'
            FROM application_review r WHERE r.decision = 'RETURNED'`,
    },
    {
      // Both documents, consented a day after issuance, by everyone past the password change.
      table: "consent_record",
      sql: `INSERT INTO consent_record (id, applicant_id, document_id, kind, version, content_hash, consented_at, ip, user_agent)
            SELECT gen_random_uuid(), p.id, d.id, d.kind, d.version, d.content_hash,
                   p.issued_at + interval '1 day' + (CASE WHEN d.kind = 'TERMS' THEN interval '40 seconds' ELSE interval '0' END),
                   '192.0.2.' || (1 + abs(hashtext(p.login_id)) % 250),
                   'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
            FROM applicant p
            CROSS JOIN (SELECT DISTINCT ON (kind) id, kind, version, content_hash FROM consent_document
                        ORDER BY kind, version DESC) d
            WHERE NOT p.must_change_password`,
    },
    {
      // The session of the sign-in that changed the password (ended by logging out).
      table: "auth_session",
      sql: `INSERT INTO auth_session (id, role, applicant_id, session_version, created_at, last_seen_at, revoked_at, ip, user_agent)
            SELECT gen_random_uuid(), 'APPLICANT', p.id, 1, p.issued_at + interval '1 day',
                   p.issued_at + interval '2 days', p.issued_at + interval '2 days',
                   '192.0.2.' || (1 + abs(hashtext(p.login_id)) % 250),
                   'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
            FROM applicant p WHERE NOT p.must_change_password`,
    },
    {
      table: "notice",
      sql: `INSERT INTO notice (id, applicant_id, kind, title, body, link_path, created_at, read_at)
            SELECT gen_random_uuid(), a.applicant_id, n.kind::notice_kind, n.title,
                   '申請番号 ' || a.application_number || ' の' || n.title || 'です。詳しくはメニューからご確認ください。',
                   n.link, n.at, CASE WHEN n.at < now() - interval '7 days' THEN n.at + interval '1 day' END
            FROM application a
            CROSS JOIN LATERAL (VALUES
              ('APPLICATION_RECEIVED', '申請を受け付けました', '/menu', a.submitted_at, true),
              ('APPLICATION_RETURNED', '申請に不備があります', '/correction', a.submitted_at + interval '3 days',
               a.status IN ('RETURNED', 'RESUBMITTED')),
              ('REGISTRATION_COMPLETED', '登録が完了しました', '/menu', a.completed_at, a.status = 'COMPLETED')
            ) AS n(kind, title, link, at, applies)
            WHERE a.status <> 'DRAFT' AND n.applies`,
    },
    {
      // Sent emails: the ID issuance for everyone, 申請受付 for every sent application.
      table: "email_outbox",
      sql: `INSERT INTO email_outbox (id, template, to_address, payload, status, attempts, next_attempt_at, message_id, sent_at, created_at)
            SELECT gen_random_uuid(), e.template, p.email, e.payload, 'SENT', 1, e.at,
                   '<' || md5(p.id::text || e.template) || '@ccus.example.jp>', e.at + interval '2 seconds', e.at
            FROM applicant p
            LEFT JOIN application a ON a.applicant_id = p.id
            CROSS JOIN LATERAL (VALUES
              ('applicant-id-issued', p.issued_at,
               jsonb_build_object('name', p.name, 'loginId', p.login_id, 'loginUrl', 'https://ccus.example.jp/login'), true),
              ('application-received', a.submitted_at,
               jsonb_build_object('name', p.name, 'loginId', p.login_id, 'applicationNumber', a.application_number,
                                  'registrationType', '簡略型', 'fee', '2,500円（税込）',
                                  'submittedAt', a.submitted_at, 'loginUrl', 'https://ccus.example.jp/login',
                                  'isResubmission', false),
               a.submitted_at IS NOT NULL)
            ) AS e(template, at, payload, applies)
            WHERE e.applies`,
    },
    {
      // What lib/** records for these events, with their actors, targets and details.
      table: "audit_log",
      sql: `INSERT INTO audit_log (at, actor_type, actor_id, action, target_type, target_id, ip, details)
            SELECT e.at, e.actor_type, e.actor_id, e.action, e.target_type, e.target_id,
                   CASE WHEN e.actor_type = 'staff' THEN '10.0.0.8' ELSE '192.0.2.' || (1 + abs(hashtext(p.login_id)) % 250) END,
                   e.details
            FROM applicant p
            LEFT JOIN application a ON a.applicant_id = p.id
            CROSS JOIN (SELECT id::text AS id FROM staff_user WHERE email = '${GENERATED_REVIEWER_EMAIL}') s
            CROSS JOIN LATERAL (VALUES
              (p.issued_at, 'staff', s.id, 'applicant.issued', 'applicant', p.id::text,
               jsonb_build_object('loginId', p.login_id), true),
              (p.issued_at + interval '1 day', 'applicant', p.id::text, 'login.succeeded', NULL, NULL, NULL::jsonb,
               NOT p.must_change_password),
              (p.issued_at + interval '1 day' + interval '20 seconds', 'applicant', p.id::text, 'password.changed',
               'applicant', p.id::text, NULL::jsonb, NOT p.must_change_password),
              (p.issued_at + interval '1 day' + interval '40 seconds', 'applicant', p.id::text, 'consent.given',
               'consent_document', NULL, jsonb_build_object('kind', 'PERSONAL_INFO', 'version', 1),
               NOT p.must_change_password),
              (p.issued_at + interval '1 day' + interval '50 seconds', 'applicant', p.id::text, 'consent.given',
               'consent_document', NULL, jsonb_build_object('kind', 'TERMS', 'version', 1),
               NOT p.must_change_password),
              (a.submitted_at - interval '5 minutes', 'applicant', p.id::text, 'login.succeeded', NULL, NULL,
               NULL::jsonb, a.submitted_at IS NOT NULL),
              (a.submitted_at, 'applicant', p.id::text, 'application.submitted', 'application', a.id::text,
               jsonb_build_object('applicationNumber', a.application_number, 'version', 1,
                                  'registrationType', a.registration_type), a.submitted_at IS NOT NULL),
              (a.submitted_at + interval '3 days', 'staff', s.id, 'application.returned', 'application', a.id::text,
               jsonb_build_object('version', 1, 'items', 1), a.status IN ('RETURNED', 'RESUBMITTED')),
              (a.last_sent_at, 'applicant', p.id::text, 'application.resubmitted', 'application', a.id::text,
               jsonb_build_object('applicationNumber', a.application_number, 'version', 2), a.status = 'RESUBMITTED'),
              (a.completed_at, 'staff', s.id, 'application.approved', 'application', a.id::text,
               jsonb_build_object('version', 1, 'technicianId', a.technician_id), a.status = 'COMPLETED')
            ) AS e(at, actor_type, actor_id, action, target_type, target_id, details, applies)
            WHERE e.applies
            ORDER BY e.at`,
    },
  ];
}

const TABLES_TO_ANALYZE = [
  "applicant",
  "application",
  "application_fee",
  "application_submission",
  "application_review",
  "application_review_item",
  "consent_record",
  "auth_session",
  "notice",
  "email_outbox",
  "audit_log",
  "staff_user",
];

/**
 * The secondary indexes of the tables written here (not primary keys, not the login ID's unique
 * index that the seed's ON CONFLICT needs), as pg_indexes defines them: dropped before the rows
 * go in and built again after, which is several times faster than keeping 2 million random keys
 * in order row by row.
 */
async function dropSecondaryIndexes(
  client: pg.Client,
): Promise<{ name: string; table: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; table: string; def: string }>(
    `SELECT indexname AS name, tablename AS table, indexdef AS def FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1)
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'x'))
       AND indexname <> 'applicant_login_id_key'`,
    [TABLES_TO_ANALYZE],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows;
}

/**
 * Writes n technicians and everything above into a migrated, empty database (consent documents
 * already published). Secondary indexes are dropped first and built after; foreign keys are not
 * checked row by row while it writes (session_replication_role = replica: every row is made from
 * its parent here), and the session does not wait for WAL flushes. Returns the time per step.
 */
export async function generateDataScaleRows(
  url: string,
  n: number,
  log: (line: string) => void,
): Promise<GenerationStep[]> {
  const steps: GenerationStep[] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const step = async (table: string, work: () => Promise<number>) => {
      const started = performance.now();
      const rows = await work();
      const ms = performance.now() - started;
      steps.push({ table, rows, ms });
      log(`  ${table}: ${rows.toLocaleString("en-US")} rows in ${Math.round(ms)} ms`);
    };
    await client.query("SET synchronous_commit = off");
    await client.query("SET work_mem = '256MB'");
    await client.query("SET maintenance_work_mem = '512MB'");
    const indexes = await dropSecondaryIndexes(client);
    await step("applicant + application + application_fee (seed)", () => seedStaffListRows(url, n));
    await client.query("SET session_replication_role = replica");
    for (const statement of statements()) {
      await step(statement.table, async () => (await client.query(statement.sql)).rowCount ?? 0);
    }
    await client.query("RESET session_replication_role");
    await step(`${indexes.length} secondary indexes built`, async () => {
      for (const index of indexes) await client.query(index.def);
      return indexes.length;
    });
    await step("VACUUM ANALYZE", async () => {
      for (const table of TABLES_TO_ANALYZE) await client.query(`VACUUM ANALYZE ${table}`);
      return 0;
    });
  } finally {
    await client.end();
  }
  return steps;
}
