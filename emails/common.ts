// Pieces shared by every email template: sender name, subject prefix, greeting, footer and the
// schema of dates in template data.
import { z } from "zod";

export const SYSTEM_NAME = "建設キャリアアップシステム";

export function emailSubject(title: string): string {
  return `【${SYSTEM_NAME}】${title}`;
}

export function emailGreeting(name: string): string {
  return `${name} さま`;
}

export const EMAIL_FOOTER: readonly string[] = [SYSTEM_NAME, "このメールは送信専用です。"];

/** A Date, or its ISO 8601 form as it comes back from JSON stored in the outbox. */
export const emailDateSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/** An absolute http(s) URL (the login page link). */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });
