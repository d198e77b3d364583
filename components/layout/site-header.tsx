// The page header: system title as text, and a slot on the right for actions such as ログアウト.
import type { ReactNode } from "react";

export type SiteHeaderProps = {
  /** Defaults to 建設キャリアアップシステム; the staff area passes its own title. */
  title?: string;
  subtitle?: string;
  children?: ReactNode;
};

export function SiteHeader({
  title = "建設キャリアアップシステム",
  subtitle = "Construction Careerup System",
  children,
}: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <p className="site-header__brand">
          <span className="site-header__title">{title}</span>
          <span className="site-header__subtitle" lang="en">
            {subtitle}
          </span>
        </p>
        {children ? <div className="site-header__actions">{children}</div> : null}
      </div>
    </header>
  );
}
