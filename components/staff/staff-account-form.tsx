"use client";
// 職員アカウントの作成: 氏名, メールアドレス, 権限.
import { ErrorSummary } from "@/components/form/error-summary";
import { RadioGroup } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createStaffAccountAction } from "@/lib/actions/create-staff-account";
import { STAFF_ROLE_LABELS } from "@/lib/labels";
import { STAFF_ROLES, staffAccountCreateSchema } from "@/lib/schemas/staff-account";

const ROLE_HINTS = {
  STAFF: "申請用ログインIDの発行、申請の審査など、通常の業務ができます。",
  ADMIN: "職員の業務に加えて、職員アカウントの作成と利用停止ができます。",
} as const;

export function StaffAccountForm() {
  const { field, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: staffAccountCreateSchema,
    action: createStaffAccountAction,
    fields: ["name", "email", "role"],
    defaultValues: { name: "", email: "", role: "STAFF" },
  });
  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <TextField
        id="name"
        label="氏名"
        required
        autoComplete="off"
        hint="職員用画面の上部と、お知らせメールの宛名に表示されます（例：建設 花子）。"
        error={errorFor("name")}
        {...field("name")}
      />
      <TextField
        id="email"
        label="メールアドレス"
        required
        type="email"
        autoComplete="off"
        hint="ログインに使います。仮パスワードをこのアドレスに送ります。"
        error={errorFor("email")}
        {...field("email")}
      />
      <RadioGroup
        id="role"
        legend="権限"
        required
        error={errorFor("role")}
        options={STAFF_ROLES.map((role) => ({
          value: role,
          label: STAFF_ROLE_LABELS[role],
          hint: ROLE_HINTS[role],
        }))}
        {...field("role")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          作成する
        </Button>
      </div>
    </form>
  );
}
