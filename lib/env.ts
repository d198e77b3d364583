// The one place configuration is read and validated. See the configuration table in README.md.
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z
  .enum(["0", "1", "true", "false", "on", "off", ""])
  .default("0")
  .transform((value) => value === "1" || value === "true" || value === "on");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by the launcher (embedded PostgreSQL) when the operator gives none. */
  DATABASE_URL: z.string().url(),
  /** e.g. smtp://127.0.0.1:2525; without it mail goes to the local file mailbox under DATA_DIR. */
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
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
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

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
