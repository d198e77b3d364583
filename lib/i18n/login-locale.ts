// At login (issue 15): the account's language comes back to this browser; an account that never
// chose one keeps what was chosen on this browser before logging in.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { rememberLocaleCookie } from "@/lib/i18n/locale-cookie";

export async function syncLocaleAtLogin(applicantLoginId: string): Promise<void> {
  const store = await cookies();
  const account = await db.applicant.findUnique({
    where: { loginId: applicantLoginId },
    select: { id: true, preferredLocale: true },
  });
  if (!account) return;
  if (isLocale(account.preferredLocale)) {
    if (store.get(LOCALE_COOKIE)?.value !== account.preferredLocale) {
      await rememberLocaleCookie(store, account.preferredLocale);
    }
    return;
  }
  const chosenHere = store.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosenHere)) {
    await db.applicant.update({ where: { id: account.id }, data: { preferredLocale: chosenHere } });
  }
}
