// First focusable element on every page: jumps past the header and menu to <main id="main">.
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

export function SkipLink() {
  const t = useTranslations("common.site");
  return (
    <a className="skip-link" href="#main">
      {withRuby(t("skipLink"))}
    </a>
  );
}
