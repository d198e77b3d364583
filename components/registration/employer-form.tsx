"use client";
// 所属事業者情報: 所属する事業者がある (事業者名, 事業者ID) or 一人親方.
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { autosaveEmployerAction, saveEmployerAction } from "@/lib/actions/save-employer";
import {
  EMPLOYER_LABELS as L,
  EMPLOYMENT_KINDS,
  EMPLOYMENT_KIND_LABELS,
  employerFieldsApply,
} from "@/lib/schemas/employer-fields";

const FORM_ID = "employer-form";

export function EmployerForm({ saved, draftKey }: { saved: Record<string, string>; draftKey: string }) {
  const form = useServerForm({
    loadSchema: () => import("@/lib/schemas/employer").then((m) => m.employerSchema),
    action: saveEmployerAction,
    fields: ["employmentKind", "employerName", "employerId"],
    defaultValues: saved,
  });
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = form;
  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:employer:${draftKey}`,
    saved,
    autosave: autosaveEmployerAction,
  });
  // Shown or hidden from the first paint by the saved answer; without JavaScript always shown
  // (CSS: .shown-without-js), with the hint below. Not by hydration: nothing moves when it ends.
  const showEmployer = employerFieldsApply(form.watch("employmentKind"), "submit");

  return (
    <form {...formProps} onSubmit={autosave.forgetOnSubmit(formProps.onSubmit)} id={FORM_ID} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <RadioGroup
        id="employmentKind"
        legend={L.employmentKind}
        required
        error={errorFor("employmentKind")}
        options={EMPLOYMENT_KINDS.map((kind) => ({ value: kind, label: EMPLOYMENT_KIND_LABELS[kind] }))}
        {...field("employmentKind")}
      />
      <div hidden={!showEmployer} className="shown-without-js">
        <p className="field__hint without-js-only">一人親方の方は入力不要です。</p>
        <TextField
          id="employerName"
          label={L.employerName}
          required
          hint="雇用されている会社（事業者）の名前"
          error={errorFor("employerName")}
          {...field("employerName")}
        />
        <TextField
          id="employerId"
          label={L.employerId}
          inputMode="numeric"
          hint="建設キャリアアップシステムの事業者ID（末尾が22の14桁）。わからない場合は空欄のままで構いません。"
          error={errorFor("employerId")}
          {...field("employerId")}
        />
      </div>
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
