// Page frame for the staff area: header with the staff member's name, a plain nav bar and <main>.
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";

type StaffLink = { href: string; label: string; adminOnly?: boolean };

const staffLinks: readonly StaffLink[] = [
  { href: "/staff/applicants/issue", label: "申請用ログインID発行" },
  { href: "/staff/applicants/bulk", label: "一括発行（CSV）" },
  { href: "/staff/applicants", label: "申請者一覧" },
  { href: "/staff/applications", label: "申請一覧" },
  { href: "/staff/payments", label: "お支払い" },
  { href: "/staff/emails", label: "メール送信状況" },
  { href: "/staff/consents", label: "同意記録", adminOnly: true },
  { href: "/staff/audit", label: "監査ログ", adminOnly: true },
  { href: "/staff/accounts", label: "職員アカウント", adminOnly: true },
];

/**
 * aria-current for each link: "page" on an exact match, otherwise "true" on the longest link
 * that the current path sits under (so /staff/applicants/123 marks 申請者一覧, not ID発行).
 */
function currentStates(currentPath: string, links: readonly StaffLink[]): Map<string, "page" | "true"> {
  const states = new Map<string, "page" | "true">();
  const exact = links.find((link) => link.href === currentPath);
  if (exact) {
    states.set(exact.href, "page");
    return states;
  }
  const section = links
    .filter((link) => currentPath.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  if (section) states.set(section.href, "true");
  return states;
}

export type StaffShellProps = {
  currentPath: string;
  staffName: string;
  /** Administrators also see the links only they may use (同意記録, 監査ログ, 職員アカウント). */
  isAdmin?: boolean;
  /** Rendered at the right of the header, e.g. the ログアウト form. */
  headerActions?: ReactNode;
  children: ReactNode;
};

export function StaffShell({
  currentPath,
  staffName,
  isAdmin = false,
  headerActions,
  children,
}: StaffShellProps) {
  const links = staffLinks.filter((link) => isAdmin || !link.adminOnly);
  const states = currentStates(currentPath, links);
  return (
    <div className="page">
      <SkipLink />
      <SiteHeader title="建設キャリアアップシステム 職員用">
        <p className="site-header__user">ログイン中：{staffName}</p>
        {headerActions}
      </SiteHeader>
      <nav className="staff-nav" aria-label="職員メニュー">
        <ul className="staff-nav__list">
          {links.map((link) => (
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
