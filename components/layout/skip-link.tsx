// First focusable element on every page: jumps past the header and menu to <main id="main">.
import { useTranslations } from "next-intl";

export function SkipLink() {
  const t = useTranslations("common.site");
  return (
    <a className="skip-link" href="#main">
      {t("skipLink")}
    </a>
  );
}
