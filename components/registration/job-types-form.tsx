"use client";
// 職種: 1 to 4 from the code list (大分類 as groups, 小分類 as options).
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { RequiredBadge } from "@/components/form/required-badge";
import { FieldMessages, fieldDescribedBy } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { autosaveJobTypesAction, saveJobTypesAction } from "@/lib/actions/save-job-types";
import { JOB_TYPE_FIELDS } from "@/lib/schemas/job-types-fields";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

const FORM_ID = "job-types-form";

export interface JobTypeOptionGroup {
  label: string;
  /** "ja" for a Japanese-only name in a page of another language. */
  lang?: string;
  options: { value: string; label: string; lang?: string }[];
}

export function JobTypesForm({
  groups,
  saved,
  draftKey,
}: {
  groups: JobTypeOptionGroup[];
  saved: Record<string, string>;
  draftKey: string;
}) {
  const t = useTranslations("jobTypes");
  const choose = useTranslations("common.form")("choose");
  const codes = groups.flatMap((group) => group.options.map((option) => option.value));
  const form = useServerForm({
    loadSchema: () => import("@/lib/schemas/job-types").then((m) => m.makeJobTypesSchema(codes)),
    action: saveJobTypesAction,
    fields: JOB_TYPE_FIELDS,
    defaultValues: saved,
  });
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = form;
  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:job-types:${draftKey}`,
    saved,
    autosave: autosaveJobTypesAction,
  });

  return (
    <form {...formProps} onSubmit={autosave.forgetOnSubmit(formProps.onSubmit)} id={FORM_ID} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      {JOB_TYPE_FIELDS.map((name, index) => {
        const error = errorFor(name);
        return (
          <div key={name} className={error ? "field field--error" : "field"}>
            <div className="field__label-row">
              <label className="field__label" htmlFor={name}>
                {withRuby(t("labels.jobType", { number: index + 1 }))}
              </label>
              <RequiredBadge required={index === 0} />
            </div>
            <FieldMessages id={name} hint={index === 0 ? t("form.hint") : undefined} error={error} />
            <select
              id={name}
              className={error ? "select input--error" : "select"}
              aria-invalid={error ? true : undefined}
              aria-describedby={fieldDescribedBy(name, index === 0 ? "hint" : undefined, error, undefined)}
              {...field(name)}
            >
              <option value="">{withoutRuby(choose)}</option>
              {groups.map((group) => (
                <optgroup key={group.label} label={withoutRuby(group.label)} lang={group.lang}>
                  {group.options.map((option) => (
                    <option key={option.value} value={option.value} lang={option.lang}>
                      {withoutRuby(option.label)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        );
      })}
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
