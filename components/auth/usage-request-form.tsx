"use client";
// 利用申し込み: 氏名, 住所, 電話番号, メールアドレス (all 必須). Words from
// messages/<language>/auth.json (issue 15); the page passes "auth.usageRequest" and the
// validation parts to ClientMessages.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { requestUsageAction } from "@/lib/actions/request-usage";
import { USAGE_REQUEST_FIELDS } from "@/lib/schemas/usage-request-fields";
import { withRuby } from "@/lib/i18n/ruby";

export function UsageRequestForm() {
  const t = useTranslations("auth.usageRequest");
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
        label={t("name")}
        required
        autoComplete="name"
        hint={t("nameHint")}
        error={errorFor("name")}
        {...field("name")}
      />
      <TextField
        id="address"
        label={t("address")}
        required
        // One line, so address-line1: the HTML standard allows street-address (several lines) on a
        // textarea, not on a one-line input (WCAG 1.3.5 checkers hold the field to that).
        autoComplete="address-line1"
        hint={t("addressHint")}
        error={errorFor("address")}
        {...field("address")}
      />
      <TextField
        id="phone"
        label={t("phone")}
        required
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint={t("phoneHint")}
        error={errorFor("phone")}
        {...field("phone")}
      />
      <TextField
        id="email"
        label={t("email")}
        required
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint={t("emailHint")}
        error={errorFor("email")}
        {...field("email")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("submit"))}
        </Button>
      </div>
    </form>
  );
}
