// 申請内容登録 › 本人情報.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { PersonalInfoForm } from "@/components/registration/personal-info-form";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { now } from "@/lib/clock";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { personalInfoFormValues } from "@/lib/applications/save-personal-info";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";
import { countryOptions } from "@/lib/reference/countries";
import { todayInJapan } from "@/lib/schemas/personal-info";

export const metadata: Metadata = { title: "本人情報" };

export default async function PersonalInfoPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/content/personal-info");
  const { content } = await requireStepReachable(applicant.id, "content");
  const application = await ensureDraftApplication(applicant.id, content);
  if (!application.registrationType) redirect("/registration/content");
  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="本人情報" />
      <h1 className="page-title">本人情報</h1>
      <StepIndicator current="content" />
      <p>
        本人確認書類と同じ内容を入力してください。入力した内容は自動で保存されます。途中でやめるときは「一時保存」を押してください。
      </p>
      <PersonalInfoForm
        today={todayInJapan(now())}
        countries={countryOptions()}
        saved={personalInfoFormValues(application.personalInfo)}
        draftKey={application.id}
      />
    </ApplicantFrame>
  );
}
