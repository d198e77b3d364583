// The answers of an application, group by group (the check page, the completion page, staff review).
// Group names, field names and the system's own values (はい, 画像あり, …) are shown in the page's
// language (messages/<language>/review.json, check), a chosen option (性別, 健康保険, …) in the
// words of the form's option (lib/applications/choice-answers.ts); the applicant's answers stay as entered,
// marked lang="ja" in another language's page when they are Japanese.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { JapaneseData } from "@/components/ui/japanese-data";
import { NameWithJapanese } from "@/components/ui/name-with-japanese";
import { fileUrl } from "@/lib/files/file-url";
import type { CheckItem, CheckSection } from "@/lib/applications/application-check";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import type { Translate } from "@/lib/i18n/message-ref";
import { checkWords } from "@/components/registration/check-words";
import type { Locale } from "@/lib/i18n/locales";
import { countryNameIn } from "@/lib/reference/countries";
import { findJobTypeByLabel, jobTypeLabel } from "@/lib/reference/job-types";
import { prefectureName, residenceStatusName, type ReferenceText } from "@/lib/reference/reference-options";
import type { NameParts } from "@/lib/reference/translated-name";

/**
 * A reference answer (都道府県, 在留資格, 職種) in the page's language with its official Japanese
 * name beside it, 国籍 in the page's language (issue 15); null for any other answer, and on a
 * Japanese page (shown as stored).
 */
function referenceAnswer(
  locale: Locale,
  t: ReferenceText,
  groupKey: string,
  item: CheckItem,
): NameParts | null {
  if (locale === "ja") return null;
  if (groupKey === "personal-info" && item.id === "prefecture")
    return prefectureName(locale, t, item.value) ?? null;
  if (groupKey === "personal-info" && item.id === "residenceStatus") {
    return residenceStatusName(locale, t, item.value) ?? null;
  }
  if (groupKey === "personal-info" && item.id === "nationality") {
    // Stored as the package's Japanese name: the country as the page's 国籍 select names it.
    const name = countryNameIn(locale, item.value);
    return name === undefined ? null : { text: name };
  }
  if (groupKey === "job-types") {
    const jobType = findJobTypeByLabel(item.value);
    if (!jobType) return null;
    const { label, lang } = jobTypeLabel(locale, jobType);
    return { text: label, ...(lang ? { lang } : {}) };
  }
  return null;
}

export function CheckSectionList({
  sections,
  withChangeLinks,
  headingLevel = 2,
}: {
  sections: readonly CheckSection[];
  withChangeLinks: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("review.check");
  const errorPrefix = useTranslations("common.form")("errorPrefix");
  const root = useTranslations() as unknown as Translate;
  const locale = useLocale();
  const words = checkWords(root, locale);
  const reference = useTranslations("reference");
  const referenceText: ReferenceText = (key) => reference(key as Parameters<typeof reference>[0]);
  return sections.map((section) => {
    const title = words.groupTitle(section);
    return (
      <section key={section.key} aria-labelledby={`section-${section.key}`}>
        <Heading className="section-title" id={`section-${section.key}`}>
          {withRuby(title)}
        </Heading>
        {section.problems.map((problem) => {
          const text = words.problem(problem);
          return (
            <p key={problem} className="field__error">
              <span className="visually-hidden">{withoutRuby(errorPrefix)}</span>
              {text === null ? <JapaneseData text={problem} /> : withRuby(text)}
            </p>
          );
        })}
        {section.items.length === 0 ? (
          <p>
            {withRuby(t("nothing"))}
            {withChangeLinks ? (
              <>
                {" "}
                <Link href={section.href} aria-label={withoutRuby(t("changeName", { label: title }))}>
                  {withRuby(t("change"))}
                </Link>
              </>
            ) : null}
          </p>
        ) : (
          <dl className="summary-list">
            {section.items.map((item) => (
              <CheckRow
                key={item.id}
                item={item}
                label={words.itemLabel(section.key, item)}
                value={words.choice(section.key, item) ?? words.value(item.value)}
                reference={referenceAnswer(locale as Locale, referenceText, section.key, item)}
                locale={locale as Locale}
                imageAlt={item.image ? words.imageAlt(section.key, item) : ""}
                changeLabel={withChangeLinks ? t("change") : null}
                changeName={(label) => withoutRuby(t("changeName", { label }))}
              />
            ))}
          </dl>
        )}
      </section>
    );
  });
}

function CheckRow({
  item,
  label,
  value,
  imageAlt,
  changeLabel,
  changeName,
  reference,
  locale,
}: {
  item: CheckItem;
  label: string;
  /** The value in the page's language, or null for the applicant's own answer (shown as entered). */
  value: string | null;
  /** A reference answer in the page's language (referenceAnswer); null to show the answer as entered. */
  reference: NameParts | null;
  locale: Locale;
  imageAlt: string;
  changeLabel: string | null;
  changeName: (label: string) => string;
}) {
  return (
    <div className="summary-list__row">
      <dt>{withRuby(label)}</dt>
      <dd>
        {item.image ? (
          // Served by /api/files only to the owner and staff; never cached by the browser.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={fileUrl(item.image.fileId)} alt={imageAlt} className="check-image" width={147} />
        ) : reference !== null && value === null ? (
          <NameWithJapanese parts={reference} locale={locale} />
        ) : value === null ? (
          <JapaneseData text={item.value} />
        ) : (
          withRuby(value)
        )}
      </dd>
      <dd className="summary-list__actions">
        {changeLabel ? (
          <Link href={item.href} aria-label={changeName(withoutRuby(label))}>
            {withRuby(changeLabel)}
          </Link>
        ) : null}
      </dd>
    </div>
  );
}
