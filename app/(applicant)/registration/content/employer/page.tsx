// 申請内容登録 › 所属事業者情報.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { EmployerForm } from "@/components/registration/employer-form";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("employer.page");
  return { title: withoutRuby(t("title")) };
}

export default async function EmployerPage() {
  const { frame, application } = await loadContentPage("/registration/content/employer");
  const row = application.employer;
  const t = await getTranslations("employer.page");
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("title")} />
      <p>{withRuby(t("intro"))}</p>
      <ClientMessages
        paths={[
          "employer.labels",
          "employer.kinds",
          "employer.form",
          "employer.validation",
          "content.formActions",
          "content.messages",
        ]}
      >
        <EmployerForm
          draftKey={application.id}
          saved={{
            employmentKind: row?.employmentKind ?? "",
            employerName: row?.employerName ?? "",
            employerId: row?.employerId ?? "",
          }}
        />
      </ClientMessages>
    </ApplicantFrame>
  );
}
