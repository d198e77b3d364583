// 申請内容登録 › 本人情報.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { PersonalInfoForm } from "@/components/registration/personal-info-form";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { now } from "@/lib/clock";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { personalInfoFormValues } from "@/lib/applications/save-personal-info";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { requireStepReachable } from "@/lib/registration/progress";
import { countryOptions } from "@/lib/reference/countries";
import { prefectureOptions, residenceStatusOptions } from "@/lib/reference/reference-options";
import { todayInJapan } from "@/lib/schemas/personal-info";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("personal.page");
  return { title: withoutRuby(t("title")) };
}

export default async function PersonalInfoPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/content/personal-info");
  const { content } = await requireStepReachable(applicant.id, "content");
  const application = await ensureDraftApplication(applicant.id, content);
  if (!application.registrationType) redirect("/registration/content");
  const t = await getTranslations("personal.page");
  const title = t("title");
  const locale = (await getLocale()) as Locale;
  const reference = await getTranslations("reference");
  const referenceText = (key: string) => reference(key as Parameters<typeof reference>[0]);
  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName={title} />
      <h1 className="page-title">{withRuby(title)}</h1>
      <StepIndicator current="content" />
      <p>{withRuby(t("intro"))}</p>
      <ClientMessages
        paths={[
          "personal.labels",
          "personal.form",
          "personal.validation",
          "content.formActions",
          "content.messages",
        ]}
      >
        <PersonalInfoForm
          today={todayInJapan(now())}
          countries={countryOptions(locale)}
          prefectures={prefectureOptions(locale, referenceText)}
          residenceStatuses={residenceStatusOptions(locale, referenceText)}
          saved={personalInfoFormValues(application.personalInfo)}
          draftKey={application.id}
        />
      </ClientMessages>
    </ApplicantFrame>
  );
}
