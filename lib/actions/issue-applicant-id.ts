"use server";
// 申請用ログインID発行 (staff).
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function issueApplicantIdAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("issueApplicantIdAction");
  const { staff } = await requireStaff();
  const values = formDataToStrings(formData, ["name", "email"]);
  const parsed = applicantIssueSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });

  const issued = await issueApplicant({
    name: parsed.data.name,
    email: parsed.data.email,
    staffId: staff.id,
    ip: (await getRequestContext()).ip,
  });
  redirect(`/staff/applicants/issue/${issued.id}`);
}
