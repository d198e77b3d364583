// 同意しない: registration cannot go on without consent; the way back.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration.declined");
  return { title: withoutRuby(t("title")) };
}

export default async function ConsentDeclinedPage() {
  const { frame } = await loadApplicantPage("/registration/consent/declined");
  const t = await getTranslations("registration");
  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName={t("steps.pageNames.terms")} />
      <h1 className="page-title">{withRuby(t("declined.heading"))}</h1>
      <Notice tone="warning" title={t("declined.noticeTitle")}>
        <p>{withRuby(t("declined.body"))}</p>
        <p>{withRuby(t("declined.back"))}</p>
      </Notice>
      <div className="form__actions">
        <ButtonLink href="/registration/consent/terms">{withRuby(t("declined.backToTerms"))}</ButtonLink>
        <ButtonLink href="/menu" variant="secondary">
          {withRuby(t("declined.toMenu"))}
        </ButtonLink>
      </div>
    </ApplicantFrame>
  );
}
