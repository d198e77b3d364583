"use server";
// The payment sandbox's store (issue 12): the clerk's till. intent=lookup finds the konbini code or
// 払込票 and shows what is to be paid; intent=pay takes the money (once). No portal login: the
// store is "the provider's".
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { isSandboxProvider } from "@/lib/payments/sandbox/config";
import {
  lookUpVoucher,
  payAtStore,
  type SandboxPayment,
  type StoreLookup,
} from "@/lib/payments/sandbox/store";
import { SANDBOX_STORE_NAMES, isSandboxKonbiniStore } from "@/lib/payments/sandbox/vouchers";
import {
  SANDBOX_STORE_FIELDS,
  sandboxStoreSchema,
  type SandboxStoreReceipt,
} from "@/lib/schemas/sandbox-payment";

export type SandboxStoreState = FormState & { found?: SandboxStoreReceipt; paid?: SandboxStoreReceipt };

const REFUSALS: Record<
  Exclude<StoreLookup, { ok: true }>["reason"],
  { field: string | null; message: string }
> = {
  "not-found": {
    field: "voucherNumber",
    message: "この番号のお支払いは見つかりません。受付番号・払込票番号を確認して入力してください。",
  },
  confirmation: {
    field: "confirmationNumber",
    message: "確認番号が正しくありません。確認して入力してください。",
  },
  paid: { field: null, message: "この番号のお支払いはすでに完了しています。" },
  expired: {
    field: null,
    message:
      "支払期限が過ぎているため、この番号ではお支払いできません。お申し込みのページで、もう一度お支払い方法を選んでください。",
  },
  canceled: {
    field: null,
    message:
      "この番号のお支払いは取り消されています。お申し込みのページに表示されている番号を確認してください。",
  },
};

function receiptOf(payment: SandboxPayment): SandboxStoreReceipt {
  const chain = payment.konbiniStore ?? undefined;
  const storeName =
    payment.method === "slip"
      ? SANDBOX_STORE_NAMES.slip
      : isSandboxKonbiniStore(chain)
        ? SANDBOX_STORE_NAMES[chain]
        : "";
  return {
    storeName,
    amount: payment.amount,
    description: payment.description,
    expiresAt: payment.expiresAt?.toISOString() ?? null,
    ...(payment.succeededAt ? { paidAt: payment.succeededAt.toISOString() } : {}),
  };
}

export async function sandboxStoreAction(
  _previous: SandboxStoreState,
  formData: FormData,
): Promise<SandboxStoreState> {
  await applyActionFault("sandboxStoreAction");
  const values = formDataToStrings(formData, SANDBOX_STORE_FIELDS);
  if (!isSandboxProvider()) return errorState({ formError: "サンドボックスは使われていません。", values });
  const parsed = sandboxStoreSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const { voucherNumber, confirmationNumber } = parsed.data;
  const pay = formData.get("intent") === "pay";
  const result = pay
    ? await payAtStore(voucherNumber, confirmationNumber)
    : await lookUpVoucher(voucherNumber, confirmationNumber);
  if (!result.ok) {
    const refusal =
      result.reason === "confirmation" && confirmationNumber === ""
        ? { field: "confirmationNumber", message: "確認番号を入力してください。" }
        : REFUSALS[result.reason];
    return errorState(
      refusal.field === null
        ? { formError: refusal.message, values }
        : { fieldErrors: { [refusal.field]: [refusal.message] }, values },
    );
  }
  const receipt = receiptOf(result.payment);
  return pay
    ? { status: "success", paid: receipt, values: {}, submittedAt: Date.now() }
    : { status: "success", found: receipt, values, submittedAt: Date.now() };
}
