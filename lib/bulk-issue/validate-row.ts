// A bulk row is valid exactly when the single 申請用ログインID発行 form would accept its values:
// the same schema, the same normalisation, the same messages as the row's reason.
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";
import { emailKey } from "@/lib/schemas/normalize";

/** bulk_issue_row.reason holds 300 characters. */
const REASON_LENGTH = 300;

export type RowCheck =
  | { ok: true; name: string; email: string; /** The email as compared (emailKey). */ key: string }
  | { ok: false; reason: string };

export function validateRow(values: { name: string; email: string }): RowCheck {
  const parsed = applicantIssueSchema.safeParse(values);
  if (parsed.success) return { ok: true, ...parsed.data, key: emailKey(parsed.data.email) };
  // Name first (the schema's order), each message once.
  const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
  return { ok: false, reason: Array.from(messages.join("")).slice(0, REASON_LENGTH).join("") };
}

/** The value as the form would store it, for a cell too long to keep as uploaded. */
export const normalizeName = (value: string) => applicantIssueSchema.shape.name.in.parse(value);
export const normalizeEmail = (value: string) => applicantIssueSchema.shape.email.in.parse(value);
