// STEP 1 個人情報の取り扱い等の同意: the first of the two consents, after the 登録方式 notice.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ConsentStep } from "@/components/registration/consent-step";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";
import { withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration.consent.personalInfo");
  return { title: withoutRuby(t("title")) };
}

export default async function PersonalInfoConsentPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/consent/personal-info");
  await requireStepReachable(applicant.id, "personal-info");
  const document = await findCurrentConsentDocument("PERSONAL_INFO");
  if (!document) notFound();
  const t = await getTranslations("registration.consent.personalInfo");
  return (
    <ApplicantFrame {...frame}>
      <ConsentStep
        step="personal-info"
        heading={t("heading")}
        instructions={t("instructions")}
        document={document}
        canDecline={false}
      />
    </ApplicantFrame>
  );
}
