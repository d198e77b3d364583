"use client";
// The sandbox's hosted card form (issue 12): カード番号, 有効期限（MM/YY）, セキュリティコード, カード名義 and
// 支払う. A decline comes back as the provider's reason in Japanese, in the error summary and beside
// the field it is about, with what was typed kept for another try.
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { paySandboxCardAction } from "@/lib/actions/pay-sandbox-card";
import { SANDBOX_CARD_FIELDS, sandboxCardSchema } from "@/lib/schemas/sandbox-payment";

export function SandboxCardForm({
  paymentId,
  initialError,
}: {
  paymentId: string;
  /** A reason to show before anything is sent (3-D Secure refused on the challenge page). */
  initialError?: { field: "cardNumber"; message: string };
}) {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: sandboxCardSchema,
    action: paySandboxCardAction,
    fields: SANDBOX_CARD_FIELDS,
    defaultValues: { cardNumber: "", expiry: "", cvc: "", cardName: "" },
  });
  const showInitial = initialError && state.status === "idle" && summary.length === 0;
  const errorOf = (name: (typeof SANDBOX_CARD_FIELDS)[number]) =>
    errorFor(name) ?? (showInitial && initialError.field === name ? initialError.message : undefined);
  const errors = [
    ...(showInitial ? [{ fieldId: initialError.field, message: initialError.message }] : summary),
    ...(state.formError ? [{ fieldId: "cardNumber", message: state.formError }] : []),
  ];

  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={errors} focusKey={focusKey} title="お支払いできませんでした" />
      <input type="hidden" name="paymentId" value={paymentId} />
      <TextField
        id="cardNumber"
        label="カード番号"
        required
        inputMode="numeric"
        autoComplete="cc-number"
        hint="半角数字で入力してください（空白はあってもなくても構いません）。"
        error={errorOf("cardNumber")}
        {...field("cardNumber")}
      />
      <TextField
        id="expiry"
        label="有効期限（MM/YY）"
        required
        inputMode="numeric"
        autoComplete="cc-exp"
        hint="カードに記載の「月/年」を、例えば 12/30 のように入力してください。"
        error={errorOf("expiry")}
        {...field("expiry")}
      />
      <TextField
        id="cvc"
        label="セキュリティコード"
        required
        inputMode="numeric"
        autoComplete="cc-csc"
        hint="カード裏面の3桁（一部のカードは表面の4桁）の数字です。"
        error={errorOf("cvc")}
        {...field("cvc")}
      />
      <TextField
        id="cardName"
        label="カード名義"
        required
        autoComplete="cc-name"
        hint="カードに記載のとおりに入力してください（例: TARO KENSETSU）。"
        error={errorOf("cardName")}
        {...field("cardName")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          支払う
        </Button>
      </div>
    </form>
  );
}
