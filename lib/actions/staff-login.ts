"use server";
// 職員のログイン.
import { redirect } from "next/navigation";
import { SESSION_PROVIDER_ID, signIn } from "@/lib/auth/next-auth";
import { authenticateStaff } from "@/lib/auth/authenticate";
import {
  INVALID_STAFF_LOGIN_MESSAGE,
  STAFF_TEMP_USED_MESSAGE,
  STAFF_THROTTLED_MESSAGE,
  lockedMessage,
} from "@/lib/auth/messages";
import { getEnv } from "@/lib/env";
import { getRequestContext } from "@/lib/dal/request-context";
import { staffLoginSchema } from "@/lib/schemas/login";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function staffLoginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("staffLoginAction");
  const values = formDataToStrings(formData, ["email", "password"]);
  const kept = { email: values.email ?? "" };
  const parsed = staffLoginSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values: kept });

  const result = await authenticateStaff(parsed.data.email, parsed.data.password, await getRequestContext());
  if (!result.ok) {
    // An expired temporary password ("temp-expired") gets the same answer as a wrong one; a used
    // one (it works once, like an applicant's) says so, since only its holder can get that answer.
    const formError =
      result.reason === "locked"
        ? lockedMessage(result.lockedUntil, getEnv().LOCKOUT_MINUTES, "staff")
        : result.reason === "throttled"
          ? STAFF_THROTTLED_MESSAGE
          : result.reason === "temp-used"
            ? STAFF_TEMP_USED_MESSAGE
            : INVALID_STAFF_LOGIN_MESSAGE;
    return errorState({ formError, values: kept });
  }
  await signIn(SESSION_PROVIDER_ID, { sessionId: result.sessionId, ticket: result.ticket, redirect: false });
  redirect(result.mustChangePassword ? "/staff/password/change" : "/staff");
}
