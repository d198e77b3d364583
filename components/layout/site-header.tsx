// The page header: system title as text, and a slot on the right for actions such as ログアウト and
// the language switcher. In a translated page the Japanese name stays beside the translation.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_INFO } from "@/lib/i18n/locales";
import { withRuby } from "@/lib/i18n/ruby";

export type SiteHeaderProps = {
  /** Defaults to 建設キャリアアップシステム in the page's language; the staff area passes its own title. */
  title?: string;
  subtitle?: string;
  children?: ReactNode;
};

const JAPANESE_NAME = "建設キャリアアップシステム";

export function SiteHeader({ title, subtitle, children }: SiteHeaderProps) {
  const t = useTranslations("common.site");
  const locale = useLocale();
  const japanesePage = LOCALE_INFO[locale].htmlLang === "ja";
  // Japanese pages: the English name under the title, as before. Others: the Japanese name.
  const [second, secondLang] = subtitle
    ? [subtitle, "en"]
    : japanesePage
      ? ["Construction Careerup System", "en"]
      : [JAPANESE_NAME, "ja"];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <p className="site-header__brand">
          <span className="site-header__title">{title ?? withRuby(t("title"))}</span>
          <span className="site-header__subtitle" lang={secondLang}>
            {second}
          </span>
        </p>
        {children ? <div className="site-header__actions">{children}</div> : null}
      </div>
    </header>
  );
}
