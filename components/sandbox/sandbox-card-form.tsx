"use client";
// The sandbox's hosted card form (issue 12): カード番号, 有効期限（MM/YY）, セキュリティコード, カード名義 and
// 支払う. A wrong entry or a decline comes back in the hosted page's language
// (lib/payments/sandbox/words.ts), in the error summary and beside the field it is about, with what
// was typed kept for another try.
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { paySandboxCardAction } from "@/lib/actions/pay-sandbox-card";
import { SANDBOX_CARD_FIELDS, sandboxCardSchemaIn } from "@/lib/schemas/sandbox-payment";
import { sandboxWords, type SandboxLanguage } from "@/lib/payments/sandbox/words";

export function SandboxCardForm({
  paymentId,
  initialError,
  language = "ja",
}: {
  paymentId: string;
  /** The hosted page's language (lib/payments/sandbox/words.ts). */
  language?: SandboxLanguage;
  /** A reason to show before anything is sent (3-D Secure refused on the challenge page). */
  initialError?: { field: "cardNumber"; message: string };
}) {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: sandboxCardSchemaIn(language),
    action: paySandboxCardAction,
    fields: SANDBOX_CARD_FIELDS,
    defaultValues: { cardNumber: "", expiry: "", cvc: "", cardName: "" },
  });
  const words = sandboxWords(language);
  const showInitial = initialError && state.status === "idle" && summary.length === 0;
  const errorOf = (name: (typeof SANDBOX_CARD_FIELDS)[number]) =>
    errorFor(name) ?? (showInitial && initialError.field === name ? initialError.message : undefined);
  const errors = [
    ...(showInitial ? [{ fieldId: initialError.field, message: initialError.message }] : summary),
    ...(state.formError ? [{ fieldId: "cardNumber", message: state.formError }] : []),
  ];

  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={errors} focusKey={focusKey} title={words.declinedTitle} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="locale" value={language} />
      <TextField
        id="cardNumber"
        label={words.cardNumber}
        required
        inputMode="numeric"
        autoComplete="cc-number"
        hint={words.cardNumberHint}
        error={errorOf("cardNumber")}
        {...field("cardNumber")}
      />
      <TextField
        id="expiry"
        label={words.expiry}
        required
        inputMode="numeric"
        autoComplete="cc-exp"
        hint={words.expiryHint}
        error={errorOf("expiry")}
        {...field("expiry")}
      />
      <TextField
        id="cvc"
        label={words.cvc}
        required
        inputMode="numeric"
        autoComplete="cc-csc"
        hint={words.cvcHint}
        error={errorOf("cvc")}
        {...field("cvc")}
      />
      <TextField
        id="cardName"
        label={words.cardName}
        required
        autoComplete="cc-name"
        hint={words.cardNameHint}
        error={errorOf("cardName")}
        {...field("cardName")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {words.pay}
        </Button>
      </div>
    </form>
  );
}
