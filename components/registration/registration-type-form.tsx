"use client";
// 登録方式の選択: 簡略型登録 / 詳細型登録, each with its fee.
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { chooseRegistrationTypeAction } from "@/lib/actions/choose-registration-type";

export function RegistrationTypeForm({
  current,
  fees,
}: {
  current: "SIMPLE" | "DETAILED" | null;
  fees: { simple: string; detailed: string };
}) {
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
        legend="登録方式"
        required
        error={errorFor("registrationType")}
        options={[
          {
            value: "SIMPLE",
            label: "簡略型登録",
            hint: `本人情報、所属事業者情報、職種、社会保険、建退共・中退共。登録料 ${fees.simple}（税込）`,
          },
          {
            value: "DETAILED",
            label: "詳細型登録",
            hint: `簡略型の項目に加えて、学歴、保有資格、健康診断受診履歴など。登録料 ${fees.detailed}（税込）`,
          },
        ]}
        {...field("registrationType")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          次へ
        </Button>
      </div>
    </form>
  );
}
