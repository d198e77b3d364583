// STEP 2 システム利用規約同意: the second consent, open once STEP 1 is given.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ConsentStep } from "@/components/registration/consent-step";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";

export const metadata: Metadata = { title: "システム利用規約同意" };

export default async function TermsConsentPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/consent/terms");
  await requireStepReachable(applicant.id, "terms");
  const document = await findCurrentConsentDocument("TERMS");
  if (!document) notFound();
  return (
    <ApplicantFrame {...frame}>
      <ConsentStep
        step="terms"
        heading="システム利用規約同意情報"
        instructions="建設キャリアアップシステムの利用に関する規約があります。「システム利用規約同意情報」をご確認いただき、「確認しました」にチェックを入れてから「同意する」ボタンを押してください。"
        document={document}
        canDecline
      />
    </ApplicantFrame>
  );
}
