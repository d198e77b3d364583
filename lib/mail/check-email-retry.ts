// Whether staff can send a failed email again. The worker erases the encrypted secret (the
// temporary password) when an email fails for good, so such an email can no longer be built:
// what decides is whether the stored payload alone still passes the template's schema.
import { z } from "zod";
import { emailTemplates, isEmailTemplateName, splitEmailPayload } from "@/emails/registry";
import type { EmailStatus } from "@/lib/generated/prisma/client";

export type EmailRetryRefusal = "not-failed" | "password-erased" | "unrenderable";

export type EmailRetryCheck = { canRetry: true } | { canRetry: false; reason: EmailRetryRefusal };

export const EMAIL_RETRY_REFUSAL_MESSAGES: Record<EmailRetryRefusal, string> = {
  "not-failed": "このメールは送信失敗の状態ではないため、再送しませんでした。",
  "password-erased": "パスワードを含むメールは再送できません。パスワードを再発行してください。",
  unrenderable: "このメールは、記録された内容からメールを組み立てられないため再送できません。",
};

/** Whether the template's data holds a temporary password (kept only as the erasable secret). */
function carriesPassword(template: string): boolean {
  if (!isEmailTemplateName(template)) return false;
  const schema: z.ZodType = emailTemplates[template].schema;
  return schema instanceof z.ZodObject && "temporaryPassword" in schema.shape;
}

export function checkEmailRetry(email: {
  status: EmailStatus;
  template: string;
  payload: unknown;
  hasSecret: boolean;
}): EmailRetryCheck {
  if (email.status !== "FAILED") return { canRetry: false, reason: "not-failed" };
  if (!isEmailTemplateName(email.template)) return { canRetry: false, reason: "unrenderable" };
  if (email.hasSecret) return { canRetry: true };
  const { data } = splitEmailPayload(email.payload);
  if (emailTemplates[email.template].schema.safeParse(data).success) return { canRetry: true };
  return { canRetry: false, reason: carriesPassword(email.template) ? "password-erased" : "unrenderable" };
}
