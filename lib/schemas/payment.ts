// 登録料のお支払い (issue 12): the method choice and 申請の取下げ, shared by the forms and their actions.
// Messages are references into messages/<language>/payment.json (issue 15).
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { KONBINI_STORES } from "@/lib/payments/konbini";

export const PAYMENT_METHOD_VALUES = ["CARD", "KONBINI", "SLIP"] as const;

export const WITHDRAW_REASON_MAX_LENGTH = 500;

export const startPaymentSchema = z
  .object({
    method: z.enum(PAYMENT_METHOD_VALUES, { error: messageRef("payment.validation.methodRequired") }),
    // The select posts "" for 選択してください: only コンビニ払い needs a chain.
    konbiniStore: z
      .union([
        z.enum(KONBINI_STORES, { error: messageRef("payment.validation.konbiniStoreInvalid") }),
        z.literal(""),
      ])
      .optional(),
    // The fee's version the page was showing: a page older than the fee's last change is refused.
    feeLockVersion: z.coerce.number().int().min(0),
  })
  .superRefine((value, context) => {
    if (value.method === "KONBINI" && !value.konbiniStore) {
      context.addIssue({
        code: "custom",
        path: ["konbiniStore"],
        message: messageRef("payment.validation.konbiniStoreRequired"),
      });
    }
  });
export type StartPaymentInput = z.input<typeof startPaymentSchema>;

export const withdrawApplicationSchema = z.object({
  reason: z
    .string()
    .transform((value) => value.normalize("NFKC").trim())
    .pipe(
      z
        .string()
        .max(
          WITHDRAW_REASON_MAX_LENGTH,
          messageRef("payment.validation.withdrawReasonTooLong", { max: WITHDRAW_REASON_MAX_LENGTH }),
        ),
    ),
});
export type WithdrawApplicationInput = z.input<typeof withdrawApplicationSchema>;
