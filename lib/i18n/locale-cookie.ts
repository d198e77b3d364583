// The language cookie (lib/i18n/locales.ts LOCALE_COOKIE): written by the switcher and at login.
import "server-only";
import type { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { isHttpsAppUrl } from "@/lib/net/app-url";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type Locale } from "@/lib/i18n/locales";

type CookieStore = Awaited<ReturnType<typeof cookies>>;

export async function rememberLocaleCookie(store: CookieStore, locale: Locale): Promise<void> {
  store.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: isHttpsAppUrl(getEnv().APP_URL),
  });
}
