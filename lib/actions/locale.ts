"use server";
// The language switcher's action (issue 15): remembers the choice in a cookie on this browser and,
// for a signed-in applicant, in the account (so a new browser gets it back at login).
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { getCurrentApplicant } from "@/lib/dal/session";
import { isLocale } from "@/lib/i18n/locales";
import { rememberLocaleCookie } from "@/lib/i18n/locale-cookie";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function setLocaleAction(formData: FormData): Promise<void> {
  await applyActionFault("setLocaleAction");
  const locale = formData.get("locale");
  // Anything but one of our languages changes nothing (the page is shown again as it was).
  if (!isLocale(locale)) return;
  await rememberLocaleCookie(await cookies(), locale);
  // Only the signed-in applicant's own account; anyone else only sets their own cookie.
  const current = await getCurrentApplicant();
  if (current && current.applicant.preferredLocale !== locale) {
    await db.applicant.update({ where: { id: current.applicant.id }, data: { preferredLocale: locale } });
  }
}
