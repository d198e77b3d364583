// Page frame before login (login, password change, forgotten password, maintenance): header and a narrow centred column.
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";

export type PublicShellProps = {
  /** Rendered at the right of the header, e.g. キャンセル (log out) on the forced password change. */
  headerActions?: ReactNode;
  children: ReactNode;
};

export function PublicShell({ headerActions, children }: PublicShellProps) {
  return (
    <div className="page">
      {/* Called, not rendered as components: the result is plain elements (app/not-found.tsx). */}
      {SkipLink()}
      {SiteHeader({ children: headerActions })}
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
    </div>
  );
}
