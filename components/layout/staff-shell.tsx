// Page frame for the staff area: header with the staff member's name, a plain nav bar and <main>.
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";

const staffLinks = [
  { href: "/staff/applicants/issue", label: "申請用ログインID発行" },
  { href: "/staff/applicants", label: "申請者一覧" },
  { href: "/staff/applications", label: "申請一覧" },
  { href: "/staff/emails", label: "メール送信状況" },
] as const;

/**
 * aria-current for each link: "page" on an exact match, otherwise "true" on the longest link
 * that the current path sits under (so /staff/applicants/123 marks 申請者一覧, not ID発行).
 */
function currentStates(currentPath: string): Map<string, "page" | "true"> {
  const states = new Map<string, "page" | "true">();
  const exact = staffLinks.find((link) => link.href === currentPath);
  if (exact) {
    states.set(exact.href, "page");
    return states;
  }
  const section = staffLinks
    .filter((link) => currentPath.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  if (section) states.set(section.href, "true");
  return states;
}

export type StaffShellProps = {
  currentPath: string;
  staffName: string;
  /** Rendered at the right of the header, e.g. the ログアウト form. */
  headerActions?: ReactNode;
  children: ReactNode;
};

export function StaffShell({ currentPath, staffName, headerActions, children }: StaffShellProps) {
  const states = currentStates(currentPath);
  return (
    <div className="page">
      <SkipLink />
      <SiteHeader title="建設キャリアアップシステム 職員用">
        <p className="site-header__user">ログイン中：{staffName}</p>
        {headerActions}
      </SiteHeader>
      <nav className="staff-nav" aria-label="職員メニュー">
        <ul className="staff-nav__list">
          {staffLinks.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="staff-nav__link" aria-current={states.get(link.href)}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="staff-main">
        {children}
      </main>
    </div>
  );
}
