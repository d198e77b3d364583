// 申請内容登録 › 職種 (from the operator's code list, data/job-types.csv). A page of another
// language shows each name in its language with the official Japanese name beside it, which staff,
// employers and documents use, where the file has a translation (major_name_<language>,
// minor_name_<language>; data/README.md), and the Japanese, marked lang="ja", where it has none.
// The value posted and stored stays the code.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { JobTypesForm, type JobTypeOptionGroup } from "@/components/registration/job-types-form";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { jobTypeGroupLabel, jobTypeGroups, jobTypeLabel } from "@/lib/reference/job-types";
import type { Locale } from "@/lib/i18n/locales";
import { jobTypeCode, jobTypesToFields } from "@/lib/schemas/job-types";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobTypes.page");
  return { title: withoutRuby(t("title")) };
}

export default async function JobTypesPage() {
  const { frame, application } = await loadContentPage("/registration/content/job-types");
  const t = await getTranslations("jobTypes");
  const locale = (await getLocale()) as Locale;
  const groups: JobTypeOptionGroup[] = jobTypeGroups().map((group) => ({
    ...jobTypeGroupLabel(locale, group),
    options: group.options.map((option) => ({ value: option.code, ...jobTypeLabel(locale, option) })),
  }));
  const saved = jobTypesToFields(
    application.jobTypes.map((row) => jobTypeCode(row.majorCode, row.minorCode)),
  );
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("page.title")} />
      <p>{withRuby(t("page.intro"))}</p>
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
