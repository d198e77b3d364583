// Page frame before login (login, password change, forgotten password): PublicFrame with the
// language switcher in the header (issue 15).
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { PublicFrame } from "@/components/layout/public-frame";

export type PublicShellProps = {
  /** Rendered at the right of the header, e.g. キャンセル (log out) on the forced password change. */
  headerActions?: ReactNode;
  /** The language switcher (issue 15); the staff area's pages are Japanese only and pass false. */
  languageSwitcher?: boolean;
  children: ReactNode;
};

export function PublicShell({ headerActions, languageSwitcher = true, children }: PublicShellProps) {
  return PublicFrame({
    headerActions: languageSwitcher ? (
      <>
        <LanguageSwitcher />
        {headerActions}
      </>
    ) : (
      headerActions
    ),
    children,
  });
}
