"use client";
// 登録料のお支払い › お支払い方法: クレジットカード / コンビニ払い (with the chain) / 払込票, then
// お支払い手続きへ進む. The button waits while the request is on its way (the server refuses a
// second payment anyway), and the choice is kept when the server answers with an error.
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup, SelectField } from "@/components/form/choice-group";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { startPaymentAction } from "@/lib/actions/start-payment";

export interface PaymentMethodFormProps {
  methods: { card: boolean; konbini: boolean; slip: boolean };
  konbiniOptions: readonly { value: string; label: string }[];
  /** 払込票's line: the amount with the handling fee, already formatted. */
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
            label: "クレジットカード",
            hint: "決済代行会社のカード入力画面に移動します。カード番号はこのサイトには送られません。",
          },
        ]
      : []),
    ...(methods.konbini
      ? [
          {
            value: "KONBINI",
            label: "コンビニ払い",
            hint: "お支払いに使う番号をこの画面とメールでお知らせします。下の「コンビニ」も選んでください。",
          },
        ]
      : []),
    ...(methods.slip ? [{ value: "SLIP", label: "払込票", hint: slipHint }] : []),
  ];
  return (
    <form {...formProps} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <input type="hidden" {...field("feeLockVersion")} />
      <RadioGroup
        id="method"
        legend="お支払い方法"
        required
        error={errorFor("method")}
        options={options}
        {...field("method")}
      />
      {methods.konbini ? (
        <SelectField
          id="konbiniStore"
          label="コンビニ"
          hint="コンビニ払いを選んだときに、お支払いになるコンビニを選んでください。"
          error={errorFor("konbiniStore")}
          options={konbiniOptions}
          {...field("konbiniStore")}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          お支払い手続きへ進む
        </Button>
      </div>
      <p role="status" className="field__hint">
        {isPending ? "お支払いの手続きをしています。画面を閉じずにお待ちください。" : ""}
      </p>
    </form>
  );
}
