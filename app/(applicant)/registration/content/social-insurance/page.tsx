// 申請内容登録 › 社会保険 (健康保険・年金保険・雇用保険), 建退共 and 中退共 on one page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { SocialInsuranceForm } from "@/components/registration/social-insurance-form";
import { socialInsuranceFormValues } from "@/lib/applications/save-groups";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("socialInsurance.page");
  return { title: withoutRuby(t("title")) };
}

export default async function SocialInsurancePage() {
  const { frame, application } = await loadContentPage("/registration/content/social-insurance");
  const t = await getTranslations("socialInsurance.page");
  const proof = application.files.find((file) => file.slot === "health-insurance-proof");
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("title")} />
      <p>{withRuby(t("intro"))}</p>
      <ClientMessages
        paths={[
          "socialInsurance.labels",
          "socialInsurance.options",
          "socialInsurance.form",
          "socialInsurance.validation",
          "content.formActions",
          "content.messages",
          "documents.image",
        ]}
      >
        <SocialInsuranceForm
          draftKey={application.id}
          proof={proof ? { fileId: proof.id, width: proof.width, height: proof.height } : null}
          saved={socialInsuranceFormValues(application.socialInsurance)}
        />
      </ClientMessages>
    </ApplicantFrame>
  );
}
