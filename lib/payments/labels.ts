// The words users see for fees and payments (issue 12): one home, so the applicant's pages, the
// staff pages, emails, 通知 and the receipt say the same thing.
import type { FeePurpose, FeeStatus, PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/client";

/** The fee's state as the applicant and staff see it. */
export const FEE_STATUS_LABELS: Record<FeeStatus, string> = {
  UNPAID: "支払待ち",
  PAID: "支払済み",
  EXPIRED: "期限切れ",
  REFUNDED: "返金済み",
  CANCELED: "取消",
};

export const FEE_PURPOSE_LABELS: Record<FeePurpose, string> = {
  REGISTRATION: "登録料",
  UPGRADE: "詳細型への移行の登録料",
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: "クレジットカード",
  KONBINI: "コンビニ払い",
  SLIP: "払込票",
};

/** One payment try's state (staff pages; the applicant sees the fee's). */
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  CREATING: "手続き中",
  PENDING: "支払待ち",
  PAID: "支払済み",
  EXPIRED: "期限切れ",
  CANCELED: "取消",
  REFUNDED: "返金済み",
  FLAGGED: "要確認",
};

/** 払込票: whether staff have mailed it. */
export const SLIP_STATUS_LABELS = {
  preparing: "発送準備中",
  sent: "発送済み",
} as const;

export function slipStatusLabel(slipSentAt: Date | null): string {
  return slipSentAt ? SLIP_STATUS_LABELS.sent : SLIP_STATUS_LABELS.preparing;
}
