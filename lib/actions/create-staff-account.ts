"use server";
// 職員アカウントの作成 (administrators only). The lib function checks the actor's role once more.
import { notFound, redirect } from "next/navigation";
import { requireAdmin } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import { staffAccountCreateSchema } from "@/lib/schemas/staff-account";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

const EMAIL_TAKEN_MESSAGE =
  "このメールアドレスの職員アカウントはすでにあります。別のメールアドレスを入力するか、職員アカウント一覧から既存のアカウントを確認してください。";

export async function createStaffAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("createStaffAccountAction");
  const { staff } = await requireAdmin();
  const values = formDataToStrings(formData, ["name", "email", "role"]);
  const parsed = staffAccountCreateSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });

  const result = await createStaffAccount({
    actorId: staff.id,
    ...parsed.data,
    ip: (await getRequestContext()).ip,
  });
  if (!result.ok) {
    if (result.reason === "forbidden") notFound();
    return errorState({ fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] }, values });
  }
  redirect(`/staff/accounts/${result.id}?result=created`);
}
