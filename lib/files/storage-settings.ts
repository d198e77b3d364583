// Where uploaded files are kept (FILE_STORAGE and the S3_* settings, docs/configuration.md):
// read and checked here, so a wrong or missing setting stops the server at start with a Japanese
// message (lib/instrumentation-node.ts) instead of failing the first upload. No server-only
// import: scripts may check the same settings.
import { z } from "zod";

export type FileStorageSettings =
  | { kind: "postgres" }
  | {
      kind: "s3";
      bucket: string;
      region: string;
      /** An S3-compatible store's address; unset for Amazon S3 itself. */
      endpoint?: string;
      forcePathStyle: boolean;
      /** Put before every object key, e.g. "uploads/"; "" for none. */
      prefix: string;
    };

const optional = (schema: z.ZodString) => schema.optional().or(z.literal("").transform(() => undefined));

const s3Schema = z.object({
  // Amazon's rules for new bucket names: 3–63 lower-case letters, digits, dots and hyphens.
  S3_BUCKET: z
    .string({ error: "S3_BUCKET（バケット名）を設定してください。" })
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "S3_BUCKET はバケット名（英小文字・数字・「.」「-」の3〜63文字）です。",
    ),
  S3_REGION: z
    .string({ error: "S3_REGION（例: ap-northeast-1）を設定してください。" })
    .regex(/^[a-z0-9-]{2,40}$/, "S3_REGION はリージョン名（例: ap-northeast-1）です。"),
  S3_ENDPOINT: optional(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "S3_ENDPOINT は http:// か https:// で始まる URL です。"),
  ),
  S3_FORCE_PATH_STYLE: z
    .enum(["0", "1", "true", "false", "on", "off", ""], {
      error: "S3_FORCE_PATH_STYLE は on か off を指定してください。",
    })
    .default("")
    .transform((value) => value === "1" || value === "true" || value === "on"),
  S3_PREFIX: z
    .string()
    .default("")
    .refine(
      (value) => value.length <= 200 && /^(?!\/)[A-Za-z0-9!_.*'()/-]*$/.test(value),
      "S3_PREFIX はキーの前に付ける文字列（英数字と「/」「-」「_」「.」など、先頭は「/」以外、200文字まで）です。",
    ),
});

/** FILE_STORAGE (postgres, the default, or s3) and, for s3, the S3_* settings. */
export function chooseFileStorage(
  source: Record<string, string | undefined>,
): { ok: true; settings: FileStorageSettings } | { ok: false; message: string } {
  const kind = source.FILE_STORAGE ?? "";
  if (kind === "" || kind === "postgres") return { ok: true, settings: { kind: "postgres" } };
  if (kind !== "s3") {
    return {
      ok: false,
      message: `FILE_STORAGE は postgres か s3 を指定してください（指定値: ${JSON.stringify(kind.slice(0, 20))}）。`,
    };
  }
  const parsed = s3Schema.safeParse({
    S3_BUCKET: source.S3_BUCKET || undefined,
    S3_REGION: source.S3_REGION || undefined,
    S3_ENDPOINT: source.S3_ENDPOINT,
    S3_FORCE_PATH_STYLE: source.S3_FORCE_PATH_STYLE,
    S3_PREFIX: source.S3_PREFIX,
  });
  if (!parsed.success) {
    const problems = [...new Set(parsed.error.issues.map((issue) => issue.message))].join("");
    return { ok: false, message: `FILE_STORAGE=s3 の設定に誤りがあるため起動しません。${problems}` };
  }
  const value = parsed.data;
  return {
    ok: true,
    settings: {
      kind: "s3",
      bucket: value.S3_BUCKET,
      region: value.S3_REGION,
      ...(value.S3_ENDPOINT ? { endpoint: value.S3_ENDPOINT.replace(/\/$/, "") } : {}),
      forcePathStyle: value.S3_FORCE_PATH_STYLE,
      prefix: value.S3_PREFIX,
    },
  };
}
