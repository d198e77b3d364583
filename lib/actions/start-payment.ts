"use server";
// 登録料のお支払い › お支払い手続きへ進む: starts a payment with the chosen method. Card goes on
// to the provider's own card page; コンビニ払い and 払込票 come back to the payment page, which shows
// the code or the slip's state. Refusals (paid meanwhile, page out of date, provider down) come
// back as a message above the form, with the choice kept.
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { getEnv } from "@/lib/env";
import { START_PAYMENT_MESSAGES, loadPaymentOverview, startPayment } from "@/lib/payments/service";
import { startPaymentSchema } from "@/lib/schemas/payment";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

const PAYMENT_PATH = "/payment";

/**
 * Where to send the browser: a page of this site as a path (the browser may know this site by
 * another host name than APP_URL), the provider's own page as it is.
 */
function redirectTarget(url: string): string {
  const target = new URL(url, getEnv().APP_URL);
  const app = new URL(getEnv().APP_URL);
  return target.origin === app.origin ? `${target.pathname}${target.search}` : target.toString();
}

export async function startPaymentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("startPaymentAction");
  const { applicant } = await requireApplicant();
  const values = formDataToStrings(formData, ["method", "konbiniStore", "feeLockVersion"]);
  const parsed = startPaymentSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const { method, konbiniStore, feeLockVersion } = parsed.data;
  // The provider's card page in the applicant's language (issue 15).
  const locale = await getLocale();
  const result = await startPayment(
    applicant.id,
    {
      method,
      konbiniStore: method === "KONBINI" && konbiniStore ? konbiniStore : undefined,
      feeLockVersion,
      locale: isLocale(locale) ? locale : undefined,
    },
    await getRequestContext(),
  );
  if (!result.ok) {
    // The page may be out of date (another tab paid or chose meanwhile): the form gets the fee's
    // current version back, so the next press is judged on what the fee is now.
    const current = await loadPaymentOverview(applicant.id);
    const feeLockVersion = String(current?.fee?.lockVersion ?? values.feeLockVersion);
    return errorState({
      formError: START_PAYMENT_MESSAGES[result.reason],
      values: { ...values, feeLockVersion },
    });
  }
  redirect(result.redirectUrl ? redirectTarget(result.redirectUrl) : PAYMENT_PATH);
}
