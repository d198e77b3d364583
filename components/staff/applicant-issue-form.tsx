"use client";
// 申請用ログインID発行: 氏名 and メールアドレス.
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { issueApplicantIdAction } from "@/lib/actions/issue-applicant-id";
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";

export function ApplicantIssueForm() {
  const { field, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: applicantIssueSchema,
    action: issueApplicantIdAction,
    fields: ["name", "email"],
    defaultValues: { name: "", email: "" },
  });
  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <TextField
        id="name"
        label="氏名"
        required
        autoComplete="off"
        hint="メールの宛名になります（例：建設 太郎）。"
        error={errorFor("name")}
        {...field("name")}
      />
      <TextField
        id="email"
        label="メールアドレス"
        required
        type="email"
        autoComplete="off"
        hint="申請ログインIDと申請用パスワードをこのアドレスに送ります。"
        error={errorFor("email")}
        {...field("email")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          発行する
        </Button>
      </div>
    </form>
  );
}
