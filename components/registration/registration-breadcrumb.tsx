// The breadcrumb of every 登録申請 page: 新規登録 / 登録申請 / {page} (the page's name in the page's
// language, given by the page).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export function RegistrationBreadcrumb({ pageName }: { pageName: string }) {
  const t = useTranslations("registration.breadcrumb");
  return (
    <nav className="breadcrumb" aria-label={withoutRuby(t("label"))}>
      <ol>
        <li>{withRuby(t("newRegistration"))}</li>
        <li>
          <Link href="/registration">{withRuby(t("registration"))}</Link>
        </li>
        <li aria-current="page">{withRuby(pageName)}</li>
      </ol>
    </nav>
  );
}
