// STEP 2 システム利用規約同意: the second consent, open once STEP 1 is given.
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
  const t = await getTranslations("registration.consent.terms");
  return { title: withoutRuby(t("title")) };
}

export default async function TermsConsentPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/consent/terms");
  await requireStepReachable(applicant.id, "terms");
  const document = await findCurrentConsentDocument("TERMS");
  if (!document) notFound();
  const t = await getTranslations("registration.consent.terms");
  return (
    <ApplicantFrame {...frame}>
      <ConsentStep
        step="terms"
        heading={t("heading")}
        instructions={t("instructions")}
        document={document}
        canDecline
      />
    </ApplicantFrame>
  );
}
