// How an outbox state reads to staff.
import type { EmailStatus } from "@/lib/generated/prisma/client";

export const emailStatusLabels: Record<EmailStatus, string> = {
  QUEUED: "送信待ち",
  SENDING: "送信中",
  RETRYING: "再送待ち",
  SENT: "送信済み",
  FAILED: "送信失敗",
};
