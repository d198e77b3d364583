// The staff area: every address under /staff. One rule for everything that treats it apart: its
// pages are Japanese whatever an applicant chose (lib/i18n/resolve.ts), and a signed-out visit is
// sent to the staff login (proxy.ts). No imports: proxy.ts loads this file.

export const STAFF_LOGIN_PATH = "/staff/login";

/** "/staff" and every address under it (not "/staffing"). */
export function isStaffPath(pathname: string): boolean {
  return pathname === "/staff" || pathname.startsWith("/staff/");
}
