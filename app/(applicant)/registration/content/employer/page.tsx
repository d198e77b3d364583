// 申請内容登録 › 所属事業者情報.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { EmployerForm } from "@/components/registration/employer-form";
import { loadContentPage } from "@/lib/dal/content-page";

export const metadata: Metadata = { title: "所属事業者情報" };

export default async function EmployerPage() {
  const { frame, application } = await loadContentPage("/registration/content/employer");
  const row = application.employer;
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title="所属事業者情報" />
      <p>雇用されている事業者の情報を入力してください。一人親方の方は「一人親方」を選んでください。</p>
      <EmployerForm
        draftKey={application.id}
        saved={{
          employmentKind: row?.employmentKind ?? "",
          employerName: row?.employerName ?? "",
          employerId: row?.employerId ?? "",
        }}
      />
    </ApplicantFrame>
  );
}
