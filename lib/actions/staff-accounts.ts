"use server";
// 職員アカウント (administrators only): create, 利用停止, 利用停止の解除, ロック解除.
// Every action starts with requireAdmin(); the lib functions check the actor's role once more.
import { notFound, redirect } from "next/navigation";
import { requireAdmin } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import {
  disableStaffAccount,
  enableStaffAccount,
  unlockStaffAccount,
  type StaffAccountChangeInput,
  type StaffAccountChangeResult,
} from "@/lib/staff/change-staff-account-status";
import { staffAccountCreateSchema, staffIdSchema } from "@/lib/schemas/staff-account";
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

/** The detail page's buttons post the account id; the answer comes back as ?result= or ?error=. */
async function changeStatus(
  formData: FormData,
  change: (input: StaffAccountChangeInput) => Promise<StaffAccountChangeResult>,
  done: string,
): Promise<never> {
  const { staff } = await requireAdmin();
  const staffId = staffIdSchema.safeParse(formData.get("staffId"));
  if (!staffId.success) notFound();
  const result = await change({
    actorId: staff.id,
    staffId: staffId.data,
    ip: (await getRequestContext()).ip,
  });
  if (!result.ok && (result.reason === "forbidden" || result.reason === "not-found")) notFound();
  const query = result.ok ? `result=${done}` : `error=${result.reason}`;
  redirect(`/staff/accounts/${staffId.data}?${query}`);
}

export async function disableStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("disableStaffAccountAction");
  await changeStatus(formData, disableStaffAccount, "disabled");
}

export async function enableStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("enableStaffAccountAction");
  await changeStatus(formData, enableStaffAccount, "enabled");
}

export async function unlockStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("unlockStaffAccountAction");
  await changeStatus(formData, unlockStaffAccount, "unlocked");
}
