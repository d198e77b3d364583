// The staff area's one rule (lib/staff-area.ts): what is under /staff. The language of a request
// follows it (always Japanese there), and so does proxy.ts's signed-out redirect to the staff login.
import { describe, expect, it } from "vitest";
import { LOCALE_HEADER, localeOfRequest, setRequestLocale } from "@/lib/i18n/request-locale";
import { resolveLocale } from "@/lib/i18n/resolve";
import { isStaffPath, STAFF_LOGIN_PATH } from "@/lib/staff-area";

const STAFF_PATHS = [
  "/staff",
  "/staff/",
  STAFF_LOGIN_PATH,
  "/staff/applications/abc",
  "/staff/password/change",
];
const OTHER_PATHS = ["/", "/staffing", "/staff-login", "/login", "/menu", "/notices/staff", "/Staff"];

describe("isStaffPath", () => {
  it("is /staff and every address under it", () => {
    for (const path of STAFF_PATHS) expect(isStaffPath(path), path).toBe(true);
  });

  it("is no other address, however it begins", () => {
    for (const path of OTHER_PATHS) expect(isStaffPath(path), path).toBe(false);
  });
});

describe("the language of a staff path", () => {
  const cookie = "en";
  const acceptLanguage = "en-US,en;q=0.9";
  /** The language resolveLocale gives and the header the proxy sets for `pathname`. */
  function languageOf(pathname: string) {
    const headers = new Headers({ "accept-language": acceptLanguage });
    setRequestLocale(headers, pathname, cookie);
    return {
      resolved: resolveLocale({ pathname, cookie, acceptLanguage }),
      header: headers.get(LOCALE_HEADER),
    };
  }

  it("is Japanese whatever the cookie and the browser say", () => {
    for (const pathname of STAFF_PATHS) {
      expect(languageOf(pathname), pathname).toEqual({ resolved: "ja", header: "staff" });
    }
    expect(localeOfRequest("staff", cookie, acceptLanguage)).toBe("ja");
  });

  it("is the applicant's choice on any other path", () => {
    for (const pathname of OTHER_PATHS) {
      expect(languageOf(pathname), pathname).toEqual({ resolved: "en", header: "en" });
    }
  });
});
