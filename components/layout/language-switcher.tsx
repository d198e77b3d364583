// The language switcher of every applicant page (issue 15), login included: a disclosure
// (<details>, so it opens without JavaScript and from the keyboard) with one button a language,
// each named in itself. The choice posts to setLocaleAction, which remembers it.
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALE_INFO, LOCALES } from "@/lib/i18n/locales";
import { withRuby } from "@/lib/i18n/ruby";

export async function LanguageSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("common.language");
  const current = LOCALE_INFO[locale];
  return (
    <details className="language-switcher">
      <summary className="language-switcher__summary">
        <span lang="en">{withRuby(t("summary"))}</span>
        <span className="visually-hidden">: </span>
        <span className="language-switcher__current" lang={current.htmlLang}>
          {current.selfName}
        </span>
      </summary>
      <form action={setLocaleAction} className="language-switcher__panel">
        <ul className="language-switcher__list">
          {LOCALES.map((code) => (
            <li key={code}>
              <button
                type="submit"
                name="locale"
                value={code}
                lang={LOCALE_INFO[code].htmlLang}
                className="language-switcher__option"
                aria-current={code === locale ? "true" : undefined}
              >
                {LOCALE_INFO[code].selfName}
              </button>
            </li>
          ))}
        </ul>
      </form>
    </details>
  );
}
