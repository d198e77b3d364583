// STEP 1 個人情報の取り扱い等の同意: the first of the two consents, after the 登録方式 notice.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ConsentStep } from "@/components/registration/consent-step";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";

export const metadata: Metadata = { title: "個人情報の取り扱い等の同意" };

export default async function PersonalInfoConsentPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/consent/personal-info");
  await requireStepReachable(applicant.id, "personal-info");
  const document = await findCurrentConsentDocument("PERSONAL_INFO");
  if (!document) notFound();
  return (
    <ApplicantFrame {...frame}>
      <ConsentStep
        step="personal-info"
        heading="個人情報の取り扱い等の同意情報"
        instructions="「個人情報の取り扱い等の同意情報」をご確認いただき、「確認しました」にチェックを入れてから「同意する」ボタンを押してください。"
        document={document}
        canDecline={false}
      />
    </ApplicantFrame>
  );
}
