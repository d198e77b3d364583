"use server";
// 申請者のログイン.
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth";
import { SESSION_PROVIDER_ID } from "@/lib/auth/next-auth";
import { authenticateApplicant } from "@/lib/auth/authenticate";
import {
  INVALID_LOGIN_MESSAGE,
  TEMP_EXPIRED_MESSAGE,
  TEMP_USED_MESSAGE,
  THROTTLED_MESSAGE,
  lockedMessage,
} from "@/lib/auth/messages";
import { getEnv } from "@/lib/env";
import { getRequestContext } from "@/lib/dal/request-context";
import { applicantLoginSchema } from "@/lib/schemas/login";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { syncLocaleAtLogin } from "@/lib/i18n/login-locale";

export async function loginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("loginAction");
  const values = formDataToStrings(formData, ["loginId", "password"]);
  const kept = { loginId: values.loginId ?? "" };
  const parsed = applicantLoginSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values: kept });

  const result = await authenticateApplicant(
    parsed.data.loginId,
    parsed.data.password,
    await getRequestContext(),
  );
  if (!result.ok) {
    const formError =
      result.reason === "locked"
        ? lockedMessage(result.lockedUntil, getEnv().LOCKOUT_MINUTES)
        : result.reason === "throttled"
          ? THROTTLED_MESSAGE
          : result.reason === "temp-used"
            ? TEMP_USED_MESSAGE
            : result.reason === "temp-expired"
              ? TEMP_EXPIRED_MESSAGE
              : INVALID_LOGIN_MESSAGE;
    return errorState({ formError, values: kept });
  }
  await signIn(SESSION_PROVIDER_ID, {
    sessionId: result.sessionId,
    ticket: result.ticket,
    redirect: false,
  });
  await syncLocaleAtLogin(parsed.data.loginId);
  redirect(result.mustChangePassword ? "/password/change" : "/menu");
}
