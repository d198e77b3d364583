import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { PublicFrame } from "@/components/layout/public-frame";
import type { Locale } from "@/lib/i18n/locales";
import { withRuby } from "@/lib/i18n/ruby";

// Next.js writes this page into the RSC payload of every page, for each of its not-found
// boundaries (the root's and the (applicant) group's). Built once per language, of plain elements
// only (PublicFrame's parts are plain functions): React writes the second copy as a reference to
// the first, and no later request in that language builds it again (issue 14, docs/performance.md).
// No language switcher here: it would be written into every page twice.
const built = new Map<Locale, ReturnType<typeof PublicFrame>>();

export default function NotFound() {
  const locale = useLocale();
  const t = useTranslations("common.notFound");
  let page = built.get(locale);
  if (!page) {
    page = PublicFrame({
      children: [
        <h1 key="h1" className="page-title">
          {withRuby(t("title"))}
        </h1>,
        <p key="text">{withRuby(t("body"))}</p>,
        <p key="link">
          <Link href="/login">{withRuby(t("toLogin"))}</Link>
        </p>,
      ],
    });
    built.set(locale, page);
  }
  return page;
}
