"use client";
// 登録料のお支払い › お支払い方法: クレジットカード / コンビニ払い (with the chain) / 払込票, then
// お支払い手続きへ進む. The button waits while the request is on its way (the server refuses a
// second payment anyway), and the choice is kept when the server answers with an error.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup, SelectField } from "@/components/form/choice-group";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { startPaymentAction } from "@/lib/actions/start-payment";
import { withRuby } from "@/lib/i18n/ruby";

export interface PaymentMethodFormProps {
  methods: { card: boolean; konbini: boolean; slip: boolean };
  /** The chains, named in the page's language. */
  konbiniOptions: readonly { value: string; label: string }[];
  /** 払込票's line: the amount with the handling fee, already in words. */
  slipHint: string;
  feeLockVersion: number;
  current?: { method?: string; konbiniStore?: string };
}

export function PaymentMethodForm({
  methods,
  konbiniOptions,
  slipHint,
  feeLockVersion,
  current,
}: PaymentMethodFormProps) {
  const t = useTranslations("payment.form");
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema: () => import("@/lib/schemas/payment").then((m) => m.startPaymentSchema),
    action: startPaymentAction,
    // feeLockVersion (hidden) is checked with the others, as the action does; its message is shown
    // in the summary only (it goes wrong only on a tampered page).
    fields: ["method", "konbiniStore", "feeLockVersion"],
    defaultValues: {
      method: current?.method,
      konbiniStore: current?.konbiniStore ?? "",
      feeLockVersion: String(feeLockVersion),
    },
  });
  const options = [
    ...(methods.card
      ? [
          {
            value: "CARD",
            label: t("card"),
            hint: t("cardHint"),
          },
        ]
      : []),
    ...(methods.konbini
      ? [
          {
            value: "KONBINI",
            label: t("konbini"),
            hint: t("konbiniHint"),
          },
        ]
      : []),
    ...(methods.slip ? [{ value: "SLIP", label: t("slip"), hint: slipHint }] : []),
  ];
  return (
    <form {...formProps} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <input type="hidden" {...field("feeLockVersion")} />
      <RadioGroup
        id="method"
        legend={t("method")}
        required
        error={errorFor("method")}
        options={options}
        {...field("method")}
      />
      {methods.konbini ? (
        <SelectField
          id="konbiniStore"
          label={t("konbiniStore")}
          hint={t("konbiniStoreHint")}
          error={errorFor("konbiniStore")}
          options={konbiniOptions}
          {...field("konbiniStore")}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("submit"))}
        </Button>
      </div>
      <p role="status" className="field__hint">
        {isPending ? withRuby(t("pending")) : ""}
      </p>
    </form>
  );
}
