// 登録料のお支払い (issue 12): the method choice and 申請の取下げ, shared by the forms and their actions.
import { z } from "zod";
import { KONBINI_STORES } from "@/lib/payments/konbini";

export const PAYMENT_METHOD_VALUES = ["CARD", "KONBINI", "SLIP"] as const;

export const WITHDRAW_REASON_MAX_LENGTH = 500;

export const startPaymentSchema = z
  .object({
    method: z.enum(PAYMENT_METHOD_VALUES, { error: "お支払い方法を選んでください。" }),
    // The select posts "" for 選択してください: only コンビニ払い needs a chain.
    konbiniStore: z
      .union([z.enum(KONBINI_STORES, { error: "コンビニを一覧から選んでください。" }), z.literal("")])
      .optional(),
    // The fee's version the page was showing: a page older than the fee's last change is refused.
    feeLockVersion: z.coerce.number().int().min(0),
  })
  .superRefine((value, context) => {
    if (value.method === "KONBINI" && !value.konbiniStore) {
      context.addIssue({
        code: "custom",
        path: ["konbiniStore"],
        message: "コンビニ払いでお支払いになるコンビニを選んでください。",
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
          `取下げの理由は${WITHDRAW_REASON_MAX_LENGTH}文字以内で入力してください。`,
        ),
    ),
});
export type WithdrawApplicationInput = z.input<typeof withdrawApplicationSchema>;
