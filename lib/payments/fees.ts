// What a fee costs and until when (issue 12). Amounts come from lib/fees.ts only; the deadline is
// the end of a Japanese day: 23:59:59.999 JST of the day PAYMENT_DUE_DAYS after the given time.
import type { FeePurpose, RegistrationType } from "@/lib/generated/prisma/client";
import { registrationFees } from "@/lib/fees";
import { JST_OFFSET_MS } from "@/lib/format/date";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The fee (税込) for a purpose: 簡略型 2,500 / 詳細型 4,900 / 移行 2,400. */
export function feeAmountFor(purpose: FeePurpose, registrationType: RegistrationType | null): number {
  if (purpose === "UPGRADE") return registrationFees.upgrade;
  return registrationType === "DETAILED" ? registrationFees.detailed : registrationFees.simple;
}

/** 23:59:59.999 JST of the Japanese day `days` days after `from`'s Japanese day. */
export function endOfJstDayAfter(from: Date, days: number): Date {
  const jstMidnight = Math.floor((from.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  return new Date(jstMidnight + (days + 1) * DAY_MS - 1);
}

/** The 支払期限 of a fee raised (or re-opened) at `from`. */
export function paymentDueAt(from: Date, dueDays: number): Date {
  return endOfJstDayAfter(from, dueDays);
}

/** The day the reminder goes out: `reminderDays` before the deadline (same clock time). */
export function reminderAt(dueAt: Date, reminderDays: number): Date {
  return new Date(dueAt.getTime() - reminderDays * DAY_MS);
}

/** What the provider is asked to collect for a method: the fee, plus the slip's handling fee. */
export function paymentAmounts(
  feeAmount: number,
  method: "CARD" | "KONBINI" | "SLIP",
  slipHandlingFee: number,
): { feeAmount: number; handlingFee: number; amount: number } {
  const handlingFee = method === "SLIP" ? slipHandlingFee : 0;
  return { feeAmount, handlingFee, amount: feeAmount + handlingFee };
}
