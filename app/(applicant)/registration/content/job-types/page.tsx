// 申請内容登録 › 職種 (from the operator's code list, data/job-types.csv). The list keeps the
// official Japanese names, which staff, employers and documents use; a page of another language
// marks them lang="ja" (an <option> holds text of one language only) and explains them below the
// list, beside each Japanese name, where messages/<language>/jobTypes.json has a translation (by code).
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { JobTypesForm, type JobTypeOptionGroup } from "@/components/registration/job-types-form";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { jobTypeGroups, jobTypes } from "@/lib/reference/job-types";
import { jobTypeCode, jobTypesToFields } from "@/lib/schemas/job-types";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobTypes.page");
  return { title: withoutRuby(t("title")) };
}

type JobTypesText = Awaited<ReturnType<typeof getTranslations<"jobTypes">>>;

/** The translations this language has for the list's 小分類, as [Japanese label, translation]. */
function glossary(t: JobTypesText): [string, string][] {
  return jobTypes().flatMap((jobType) => {
    const key = `names.minor.${jobType.code}` as Parameters<JobTypesText>[0];
    return t.has(key) ? [[jobType.label, t(key)] as [string, string]] : [];
  });
}

export default async function JobTypesPage() {
  const { frame, application } = await loadContentPage("/registration/content/job-types");
  const t = await getTranslations("jobTypes");
  const locale = await getLocale();
  const isJapanesePage = locale === "ja" || locale === "ja-x-easy";
  const lang = isJapanesePage ? undefined : "ja";
  const groups: JobTypeOptionGroup[] = jobTypeGroups().map((group) => ({
    label: group.label,
    lang,
    options: group.options.map((option) => ({ value: option.code, label: option.label, lang })),
  }));
  const translations = isJapanesePage ? [] : glossary(t);
  const saved = jobTypesToFields(
    application.jobTypes.map((row) => jobTypeCode(row.majorCode, row.minorCode)),
  );
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("page.title")} />
      <p>{withRuby(t("page.intro"))}</p>
      {translations.length > 0 ? (
        <details>
          <summary>{t("glossary.summary")}</summary>
          <p>{t("glossary.intro")}</p>
          <dl>
            {translations.map(([japanese, translation]) => (
              <div key={japanese}>
                <dt lang="ja">{japanese}</dt>
                <dd>{translation}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <ClientMessages
        paths={[
          "jobTypes.labels",
          "jobTypes.form",
          "jobTypes.validation",
          "content.formActions",
          "content.messages",
        ]}
      >
        <JobTypesForm groups={groups} saved={saved} draftKey={application.id} />
      </ClientMessages>
    </ApplicantFrame>
  );
}
