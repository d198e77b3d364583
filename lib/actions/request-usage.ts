"use server";
// 利用申し込み (public, so no session check: like the login and パスワードを忘れた場合). After the
// input is valid the page answers the same whatever happened to the address; the one other
// answer is the per-IP throttle, which says nothing about the address.
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requestUsage, USAGE_REQUEST_THROTTLED_MESSAGE } from "@/lib/applicants/request-usage";
import { getRequestContext } from "@/lib/dal/request-context";
import { USAGE_REQUEST_FIELDS, usageRequestSchema } from "@/lib/schemas/usage-request";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function requestUsageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("requestUsageAction");
  const values = formDataToStrings(formData, USAGE_REQUEST_FIELDS);
  const parsed = usageRequestSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });

  const { ip } = await getRequestContext();
  // The page's language (issue 15): the new applicant's, and their email's.
  const result = await requestUsage(parsed.data, { ip, locale: await getLocale() });
  if (!result.accepted) return errorState({ formError: USAGE_REQUEST_THROTTLED_MESSAGE, values });
  redirect("/usage-request?sent=1");
}
