// Page frame before login (login, password change, forgotten password, maintenance, errors): header
// and a narrow centred column. Plain functions of plain elements, usable from a client component
// (app/error.tsx); PublicShell adds the language switcher.
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";

export type PublicFrameProps = {
  /** Rendered at the right of the header. */
  headerActions?: ReactNode;
  children: ReactNode;
};

export function PublicFrame({ headerActions, children }: PublicFrameProps) {
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
