"use client";
// The sandbox store's till (issue 12): 受付番号・払込票番号 and 確認番号 → 確認する shows what is to be
// paid → 支払う → 支払いが完了しました.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { Button, ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { sandboxStoreAction, type SandboxStoreState } from "@/lib/actions/sandbox-store";
import { formatYen } from "@/lib/fees";
import { formatJstDateTimeJa } from "@/lib/format/date";
import type { SandboxStoreReceipt } from "@/lib/schemas/sandbox-payment";

function ReceiptRows({ receipt }: { receipt: SandboxStoreReceipt }) {
  return (
    <SummaryList>
      <SummaryRow term="お支払い先">{receipt.storeName}</SummaryRow>
      <SummaryRow term="内容">{receipt.description}</SummaryRow>
      <SummaryRow term="金額">{formatYen(receipt.amount)}</SummaryRow>
      {receipt.paidAt ? (
        <SummaryRow term="支払日時">{formatJstDateTimeJa(new Date(receipt.paidAt))}</SummaryRow>
      ) : receipt.expiresAt ? (
        <SummaryRow term="支払期限">{formatJstDateTimeJa(new Date(receipt.expiresAt))}</SummaryRow>
      ) : null}
    </SummaryList>
  );
}

export function SandboxStoreForm() {
  const [state, formAction, isPending] = useActionState<SandboxStoreState, FormData>(sandboxStoreAction, {
    status: "idle",
  });

  if (state.paid) {
    return (
      <>
        <Notice tone="success" title="支払いが完了しました" role="status">
          <p>お支払いを受け付けました。領収書（レシート）は大切に保管してください。</p>
        </Notice>
        <ReceiptRows receipt={state.paid} />
        <p>
          <ButtonLink href="/sandbox/store" variant="secondary">
            別の番号で支払う
          </ButtonLink>
        </p>
      </>
    );
  }

  const errorFor = (name: string) => state.fieldErrors?.[name]?.[0];
  const errors = [
    ...["voucherNumber", "confirmationNumber"].flatMap((name) => {
      const message = errorFor(name);
      return message ? [{ fieldId: name, message }] : [];
    }),
    ...(state.formError ? [{ fieldId: "voucherNumber", message: state.formError }] : []),
  ];
  const values = state.values ?? {};

  return (
    <form action={formAction} className="form" noValidate>
      <ErrorSummary errors={errors} focusKey={state.submittedAt} />
      <TextField
        id="voucherNumber"
        name="voucherNumber"
        label="受付番号・払込票番号"
        required
        inputMode="numeric"
        autoComplete="off"
        hint="お支払いの画面やメールに記載の番号です（セブン-イレブンは払込票番号13桁）。"
        error={errorFor("voucherNumber")}
        defaultValue={values.voucherNumber ?? ""}
        readOnly={Boolean(state.found)}
      />
      <TextField
        id="confirmationNumber"
        name="confirmationNumber"
        label="確認番号"
        inputMode="numeric"
        autoComplete="off"
        hint="確認番号があるコンビニでは入力してください（セブン-イレブンと払込票にはありません）。"
        error={errorFor("confirmationNumber")}
        defaultValue={values.confirmationNumber ?? ""}
        readOnly={Boolean(state.found)}
      />
      {state.found ? (
        <>
          <h2>お支払い内容</h2>
          <ReceiptRows receipt={state.found} />
          <div className="form__actions">
            <Button type="submit" name="intent" value="pay" disabled={isPending}>
              支払う
            </Button>
            <ButtonLink href="/sandbox/store" variant="secondary">
              番号を入力し直す
            </ButtonLink>
          </div>
        </>
      ) : (
        <div className="form__actions">
          <Button type="submit" name="intent" value="lookup" disabled={isPending}>
            確認する
          </Button>
        </div>
      )}
    </form>
  );
}
