"use client";
// 利用申し込み: 氏名, 住所, 電話番号, メールアドレス (all 必須).
import { FormFeedback } from "@/components/form/form-feedback";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { requestUsageAction } from "@/lib/actions/request-usage";
import { USAGE_REQUEST_FIELDS } from "@/lib/schemas/usage-request-fields";

export function UsageRequestForm() {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema: () => import("@/lib/schemas/usage-request").then((m) => m.usageRequestSchema),
    action: requestUsageAction,
    fields: USAGE_REQUEST_FIELDS,
    defaultValues: { name: "", address: "", phone: "", email: "" },
  });
  return (
    <form {...formProps} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <TextField
        id="name"
        label="氏名"
        required
        autoComplete="name"
        hint="本人確認書類と同じ表記で、漢字・ひらがな・カタカナ・アルファベットで入力してください。数字や記号（「・」「ー」「々」を除く）は使えません。（例：山田 太郎）"
        error={errorFor("name")}
        {...field("name")}
      />
      <TextField
        id="address"
        label="住所"
        required
        // One line, so address-line1: the HTML standard allows street-address (several lines) on a
        // textarea, not on a one-line input (WCAG 1.3.5 checkers hold the field to that).
        autoComplete="address-line1"
        hint="都道府県から建物名・部屋番号まで入力してください。（例：東京都千代田区霞が関1-2-3 霞が関ビル101号室）"
        error={errorFor("address")}
        {...field("address")}
      />
      <TextField
        id="phone"
        label="電話番号"
        required
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint="日中に連絡のつく番号を、市外局番から入力してください。ハイフンはあってもなくてもかまいません。（例：090-1234-5678）"
        error={errorFor("phone")}
        {...field("phone")}
      />
      <TextField
        id="email"
        label="メールアドレス"
        required
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint="申請ログインIDのお知らせをこのアドレスにお送りします。（例：name@example.jp）"
        error={errorFor("email")}
        {...field("email")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          申し込む
        </Button>
      </div>
    </form>
  );
}
