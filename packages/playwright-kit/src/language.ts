// The portal's languages (issue 15): a suite can drive the applicant pages in another language by
// giving its browser context the language cookie the switcher sets. Japanese is the default and
// the page objects' names are the Japanese ones; each language's names are listed in the portal's
// docs/locators/<language>.md.
import type { BrowserContext } from "@playwright/test";

/** The languages of the applicant pages; "ja" is the default. Staff pages are Japanese only. */
export const PORTAL_LANGUAGES = ["ja", "en", "vi", "id", "zh-Hans", "my", "ne", "ja-x-easy"] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** The cookie the language switcher sets (a year; the signed-in applicant's account keeps it too). */
export const LANGUAGE_COOKIE = "ccus-locale";

/** Shows the applicant pages of `baseURL` in `language` to every page of `context` from the next load. */
export async function chooseLanguage(
  context: BrowserContext,
  baseURL: string,
  language: PortalLanguage,
): Promise<void> {
  await context.addCookies([{ name: LANGUAGE_COOKIE, value: language, url: baseURL }]);
}
