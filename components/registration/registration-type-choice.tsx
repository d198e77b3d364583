"use client";
// 登録方式の選択: 簡略型登録 / 詳細型登録, each with its fee (RegistrationTypeForm gives it its words).
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { chooseRegistrationTypeAction } from "@/lib/actions/choose-registration-type";
import { registrationFees } from "@/lib/fees";
import { withRuby } from "@/lib/i18n/ruby";

export function RegistrationTypeChoice({ current }: { current: "SIMPLE" | "DETAILED" | null }) {
  const t = useTranslations("registration.type");
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema: () => import("@/lib/schemas/registration-type").then((m) => m.registrationTypeSchema),
    action: chooseRegistrationTypeAction,
    fields: ["registrationType"],
    defaultValues: current ? { registrationType: current } : {},
  });
  return (
    <form {...formProps} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <RadioGroup
        id="registrationType"
        legend={t("legend")}
        required
        error={errorFor("registrationType")}
        options={[
          {
            value: "SIMPLE",
            label: t("simple"),
            hint: t("simpleHint", { fee: registrationFees.simple }),
          },
          {
            value: "DETAILED",
            label: t("detailed"),
            hint: t("detailedHint", { fee: registrationFees.detailed }),
          },
        ]}
        {...field("registrationType")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("next"))}
        </Button>
      </div>
    </form>
  );
}
