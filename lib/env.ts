// The one place configuration is read and validated. docs/configuration.md lists every variable.
import { z } from "zod";
import { parseTrustedProxies } from "./net/client-address";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z
  .enum(["0", "1", "true", "false", "on", "off", ""])
  .default("0")
  .transform((value) => value === "1" || value === "true" || value === "on");

// Mail transport: SMTP_URL, or the file mailbox (DATA_DIR/mailbox: whole emails, temporary
// passwords included, in clear text). `npm start` and `npm run mail:worker` take the file
// mailbox only when MAIL_TRANSPORT=file says so; `npm run dev` takes it by default.
const mailTransportFields = {
  /** e.g. smtp://user:pass@relay.example.jp:587 */
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** smtp (needs SMTP_URL) or file; empty: smtp when SMTP_URL is set, else file in development only. */
  MAIL_TRANSPORT: z
    .enum(["smtp", "file"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
};
const mailTransportSchema = z.object(mailTransportFields);

export type MailTransportChoice = { kind: "smtp"; url: string } | { kind: "file" };

const MAIL_TRANSPORT_HELP =
  "SMTP_URL（例: smtp://user:pass@relay.example.jp:587）を設定してください。" +
  "送信メールを申請用パスワードごと DATA_DIR/mailbox にファイルで残してよい検証環境に限り、" +
  "代わりに MAIL_TRANSPORT=file を設定できます。";

/**
 * Decides where mail goes. With `requireExplicit` (a production server, the separate mail worker)
 * the file mailbox is taken only when MAIL_TRANSPORT=file asks for it.
 */
export function chooseMailTransport(
  source: Record<string, string | undefined>,
  { requireExplicit }: { requireExplicit: boolean },
): { ok: true; choice: MailTransportChoice } | { ok: false; message: string } {
  const parsed = mailTransportSchema.safeParse({
    SMTP_URL: source.SMTP_URL,
    MAIL_TRANSPORT: source.MAIL_TRANSPORT,
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].join("、");
    return {
      ok: false,
      message: `メール送信の設定 ${fields} が正しくありません（MAIL_TRANSPORT は smtp か file、SMTP_URL は URL）。${MAIL_TRANSPORT_HELP}`,
    };
  }
  const { SMTP_URL: smtpUrl, MAIL_TRANSPORT: transport } = parsed.data;
  if (transport === "file" && smtpUrl) {
    return {
      ok: false,
      message:
        "MAIL_TRANSPORT=file と SMTP_URL が両方設定されています。SMTP で送るなら MAIL_TRANSPORT を外し、ファイルに残すなら SMTP_URL を外してください。",
    };
  }
  if (transport === "file") return { ok: true, choice: { kind: "file" } };
  if (smtpUrl) return { ok: true, choice: { kind: "smtp", url: smtpUrl } };
  if (transport === "smtp" || requireExplicit) {
    return {
      ok: false,
      message: `メールの送信方法が設定されていないため起動しません（SMTP_URL がありません）。${MAIL_TRANSPORT_HELP}`,
    };
  }
  return { ok: true, choice: { kind: "file" } };
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by the launcher (embedded PostgreSQL) when the operator gives none. */
    DATABASE_URL: z.string().url(),
    ...mailTransportFields,
    MAIL_FROM: z.string().min(3).default("建設キャリアアップシステム <no-reply@ccus.localhost>"),
    PORT: positiveInt(3000),
    APP_URL: z.string().url().optional(),
    /** Set by the launcher (generated and kept under DATA_DIR) when the operator gives none. */
    AUTH_SECRET: z.string().min(32),
    DATA_DIR: z.string().default(".data"),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
    LOCKOUT_THRESHOLD: positiveInt(5),
    LOCKOUT_MINUTES: positiveInt(30),
    TEMP_PASSWORD_DAYS: positiveInt(14),
    /** Failed logins allowed from one IP address per LOGIN_IP_WINDOW_MINUTES. */
    LOGIN_IP_LIMIT: positiveInt(30),
    LOGIN_IP_WINDOW_MINUTES: positiveInt(15),
    /** Password-reissue requests allowed per IP address and per login ID per hour. */
    RESET_LIMIT_PER_HOUR: positiveInt(5),
    /** 利用申し込み requests allowed per IP address per hour, and per e-mail address per 24 hours. */
    USAGE_REQUEST_IP_LIMIT: positiveInt(5),
    USAGE_REQUEST_EMAIL_LIMIT: positiveInt(3),
    /** Mails 利用申し込み may send per hour in all (issued IDs and reminders), whoever asks. */
    USAGE_REQUEST_MAIL_HOURLY_CAP: positiveInt(300),
    /** Images (顔写真, 本人確認書類, 資格・保険の証明書類) one applicant may send per hour. */
    UPLOAD_LIMIT_PER_HOUR: positiveInt(60),
    SESSION_IDLE_MINUTES: positiveInt(30),
    SESSION_WARNING_SECONDS: positiveInt(120),
    SESSION_MAX_HOURS: positiveInt(12),
    /** Weekly windows in Japan time, e.g. "thu 20:00-fri 07:00"; empty for none. */
    MAINTENANCE_WINDOWS: z.string().default("thu 20:00-fri 07:00"),
    /** Emergency maintenance: every page answers the maintenance page. */
    MAINTENANCE_MODE: flag,
    /** Run the outbox worker inside the web server (off when it runs as its own process). */
    MAIL_WORKER: z.enum(["on", "off"]).default("on"),
    MAIL_WORKER_INTERVAL_MS: positiveInt(2000),
    /**
     * How long a claimed outbox row (SENDING) is its worker's: a row whose lease is older is taken
     * again by any worker (the one that had it died). At least 2× a send's limit (lib/mail/transport.ts).
     */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(60_000).default(60_000),
    /**
     * 登録料のお支払い (issue 12, docs/payments.md). PAYMENT_PROVIDER: sandbox (this app's own
     * imitation of a provider) or stripe; unset means sandbox except in production, where it must
     * be set (lib/payments/providers.ts).
     */
    PAYMENT_PROVIDER: z
      .enum(["sandbox", "stripe"])
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** 支払期限: the end (23:59:59 JST) of the day this many days after 申請する. */
    PAYMENT_DUE_DAYS: positiveInt(14),
    /** The reminder email and 通知 go out this many days before 支払期限. */
    PAYMENT_REMINDER_DAYS: positiveInt(3),
    /** 払込票の手数料 (税込, yen) added to the fee when paying by slip. */
    PAYMENT_SLIP_HANDLING_FEE: z.coerce.number().int().min(0).default(200),
    /** The sandbox's webhook signing secret (required in production with the sandbox). */
    PAYMENT_WEBHOOK_SECRET: z
      .string()
      .min(32)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Where the sandbox delivers its webhooks; default http://127.0.0.1:PORT/api/payments/webhook. */
    PAYMENT_SANDBOX_WEBHOOK_URL: z
      .string()
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** on: the sandbox delivers some webhooks twice and out of order, as real providers may. */
    PAYMENT_SANDBOX_CHAOS: flag,
    /** Stripe (PAYMENT_PROVIDER=stripe): the secret API key and the webhook endpoint's signing secret. */
    STRIPE_SECRET_KEY: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** How often the server's payment worker reconciles pending payments, expires fees, reminds. */
    PAYMENT_WORKER_INTERVAL_MS: positiveInt(30000),
    /**
     * Reverse proxies whose X-Forwarded-For is believed (lib/net/client-address.ts): addresses and
     * CIDR ranges, or a hop count; empty: none, the socket's peer is the client.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .superRefine((value, context) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    /**
     * Connections this instance keeps to PostgreSQL at most (requests and workers share them).
     * Instances × DATABASE_POOL_MAX must stay below the server's max_connections (docs/deploy.md).
     */
    DATABASE_POOL_MAX: positiveInt(20),
    /**
     * This instance's name in logs and the X-Instance response header (docs/deploy.md); empty: none.
     * Letters, digits, `.`, `_`, `-` only, since it goes into a header.
     */
    INSTANCE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{0,64}$/, "INSTANCE_ID: 英数字と . _ - だけで 64 文字まで（例: app-1）")
      .default(""),
    /**
     * Test mode (issue 10, docs/testing.md): the /__test__/ kit for Playwright suites. Off unless
     * `on`; then TEST_API_TOKEN (at least 32 characters) is required.
     */
    TEST_MODE: z.enum(["on", "off"]).default("off"),
    TEST_API_TOKEN: z
      .string()
      .min(32)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** `yes`: test mode may run against a DATABASE_URL whose host is not loopback. */
    TEST_MODE_ALLOW_REMOTE_DB: z
      .enum(["yes", "no", ""])
      .default("")
      .transform((value) => value === "yes"),
  })
  .superRefine((value, context) => {
    const problem = testModeProblem(value);
    if (problem) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

/**
 * Why the test-mode settings cannot start a server (null when they can): test mode needs a
 * TEST_API_TOKEN of at least 32 characters, and a loopback DATABASE_URL unless
 * TEST_MODE_ALLOW_REMOTE_DB=yes.
 */
export function testModeProblem(value: {
  TEST_MODE?: string;
  TEST_API_TOKEN?: string;
  TEST_MODE_ALLOW_REMOTE_DB?: boolean | string;
  DATABASE_URL?: string;
}): { field: string; message: string } | null {
  if (value.TEST_MODE !== "on") return null;
  if (!value.TEST_API_TOKEN || value.TEST_API_TOKEN.length < 32) {
    return {
      field: "TEST_API_TOKEN",
      message: "TEST_MODE=on には 32 文字以上の TEST_API_TOKEN が必要です。",
    };
  }
  const allowRemote = value.TEST_MODE_ALLOW_REMOTE_DB === true || value.TEST_MODE_ALLOW_REMOTE_DB === "yes";
  if (!allowRemote && value.DATABASE_URL && !isLoopbackDatabaseUrl(value.DATABASE_URL)) {
    return {
      field: "DATABASE_URL",
      message:
        "TEST_MODE=on では DATABASE_URL がループバック（127.0.0.0/8、::1、localhost）以外のホストを指していると起動しません。" +
        "テスト用のデータベースであることを確かめたうえで TEST_MODE_ALLOW_REMOTE_DB=yes を設定してください。",
    };
  }
  return null;
}

/** True when a PostgreSQL URL's host is 127.0.0.0/8, ::1 or localhost (or a local socket). */
export function isLoopbackDatabaseUrl(databaseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return false;
  }
  const socketHost = url.searchParams.get("host");
  // postgresql:///db?host=/run/postgresql: a Unix socket on this machine.
  if (!url.hostname) return !socketHost || socketHost.startsWith("/");
  if (socketHost && !socketHost.startsWith("/")) return isLoopbackHost(socketHost);
  return isLoopbackHost(url.hostname);
}

function isLoopbackHost(rawHost: string): boolean {
  const host = rawHost.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 =
    /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host) ??
    /^::ffff:127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return Boolean(v4 && v4.slice(1).every((part) => Number(part) <= 255));
}

/**
 * The launcher's and the server's start-up check of test mode (scripts/run.ts, instrumentation.ts):
 * refuses bad settings with a Japanese message; while test mode is on, answers the loud warning
 * to print.
 */
export function checkTestModeAtStartup(
  source: Record<string, string | undefined>,
): { ok: false; message: string } | { ok: true; warning: string | null } {
  const mode = source.TEST_MODE ?? "";
  if (mode === "" || mode === "off") return { ok: true, warning: null };
  if (mode !== "on") {
    return {
      ok: false,
      message: `TEST_MODE は on か off を指定してください（指定値: ${JSON.stringify(mode.slice(0, 20))}）。`,
    };
  }
  const problem = testModeProblem({
    TEST_MODE: mode,
    TEST_API_TOKEN: source.TEST_API_TOKEN || undefined,
    TEST_MODE_ALLOW_REMOTE_DB: source.TEST_MODE_ALLOW_REMOTE_DB,
    DATABASE_URL: source.DATABASE_URL,
  });
  if (problem) return { ok: false, message: `テストモードで起動できません: ${problem.message}` };
  const bar = "!".repeat(78);
  return {
    ok: true,
    warning: [
      bar,
      "!!  TEST MODE IS ON (TEST_MODE=on) — テストモードで動作しています",
      "!!  /__test__/ のテスト用エンドポイント（アカウント作成・全データ削除・メール閲覧・時刻変更）が",
      "!!  TEST_API_TOKEN を持つ人に開いています。本番環境や実データのあるデータベースでは絶対に使わないでください。",
      "!!  Test kit endpoints under /__test__/ can create accounts, DELETE DATA, read every email and",
      "!!  move the clock. Never run this against production or a database with real data.",
      bar,
    ].join("\n"),
  };
}

/** Test mode is on (TEST_MODE=on with a valid token); false whenever the settings are not valid. */
export function isTestMode(): boolean {
  if (process.env.TEST_MODE !== "on") return false;
  try {
    return getEnv().TEST_MODE === "on";
  } catch {
    return false;
  }
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const appUrl = (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "");
  cached = { ...parsed.data, APP_URL: appUrl };
  return cached;
}

export const isProduction = () => process.env.NODE_ENV === "production";
