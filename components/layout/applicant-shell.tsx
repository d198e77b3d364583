// Page frame for logged-in applicants: header, the menu (sidebar on wide screens, hamburger on narrow) and <main>.
import type { ReactNode } from "react";
import { ApplicantMenu } from "@/components/layout/applicant-menu";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { ClientMessages } from "@/lib/i18n/client-messages";

export type ApplicantShellProps = {
  currentPath: string;
  unreadNotices?: number;
  /** Rendered at the right of the header, e.g. the ログアウト form. */
  headerActions?: ReactNode;
  children: ReactNode;
};

export function ApplicantShell({ currentPath, unreadNotices, headerActions, children }: ApplicantShellProps) {
  return (
    <div className="page">
      <SkipLink />
      <SiteHeader>
        <LanguageSwitcher />
        {headerActions}
      </SiteHeader>
      <div className="app-layout">
        <div className="app-layout__sidebar">
          <ClientMessages paths={["common.menu"]}>
            <ApplicantMenu currentPath={currentPath} unreadNotices={unreadNotices} />
          </ClientMessages>
        </div>
        <main id="main" tabIndex={-1} className="app-layout__main">
          {children}
        </main>
      </div>
    </div>
  );
}
