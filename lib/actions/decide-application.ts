"use server";
// 申請内容の審査 (staff): 承認 or 不備. The page posts the application's id and the lock version it
// showed; a decision against an older version (another staff member was first) changes nothing.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import {
  DECIDE_MESSAGES,
  decideApplication,
  type ReviewDecisionInput,
} from "@/lib/review/decide-application";
import { loadReturnReasons } from "@/lib/reference/return-reasons";
import { returnDecisionSchema } from "@/lib/schemas/review-decision";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

const targetSchema = z.object({
  applicationId: z.uuid(),
  lockVersion: z.coerce.number().int().min(0),
});

/** Every posted text field, to put back into the form when it comes back with errors. */
function postedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

async function decide(formData: FormData, decision: ReviewDecisionInput): Promise<FormState> {
  const { staff } = await requireStaff();
  const target = targetSchema.safeParse({
    applicationId: formData.get("applicationId"),
    lockVersion: formData.get("lockVersion"),
  });
  if (!target.success) return errorState({ formError: DECIDE_MESSAGES["not-found"] });
  const result = await decideApplication({
    staffId: staff.id,
    applicationId: target.data.applicationId,
    lockVersion: target.data.lockVersion,
    decision,
    ip: (await getRequestContext()).ip,
  });
  if (!result.ok)
    return errorState({ formError: DECIDE_MESSAGES[result.reason], values: postedValues(formData) });
  redirect(
    `/staff/applications/${target.data.applicationId}?decided=${result.status === "COMPLETED" ? "approved" : "returned"}`,
  );
}

export async function approveApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("approveApplicationAction");
  return decide(formData, { kind: "approve" });
}

export async function returnApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("returnApplicationAction");
  await requireStaff();
  const values = postedValues(formData);
  const parsed = returnDecisionSchema(loadReturnReasons()).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  return decide(formData, { kind: "return", items: parsed.data.items });
}
