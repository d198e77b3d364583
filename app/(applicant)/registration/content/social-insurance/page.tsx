// 申請内容登録 › 社会保険 (健康保険・年金保険・雇用保険), 建退共 and 中退共 on one page.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { SocialInsuranceForm } from "@/components/registration/social-insurance-form";
import { socialInsuranceFormValues } from "@/lib/applications/save-groups";
import { loadContentPage } from "@/lib/dal/content-page";

export const metadata: Metadata = { title: "社会保険・建退共・中退共" };

export default async function SocialInsurancePage() {
  const { frame, application } = await loadContentPage("/registration/content/social-insurance");
  const proof = application.files.find((file) => file.slot === "health-insurance-proof");
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title="社会保険・建退共・中退共" />
      <p>
        加入している社会保険と、建退共・中退共への加入の有無を選んでください。健康保険は、加入がわかる書類の画像も登録してください。
      </p>
      <SocialInsuranceForm
        draftKey={application.id}
        proof={proof ? { fileId: proof.id, width: proof.width, height: proof.height } : null}
        saved={socialInsuranceFormValues(application.socialInsurance)}
      />
    </ApplicantFrame>
  );
}
