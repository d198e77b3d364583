// STEP 3 申請内容登録: reached once both consents are given.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";

export const metadata: Metadata = { title: "申請内容登録" };

export default async function ApplicationContentPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/content");
  await requireStepReachable(applicant.id, "content");
  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="申請内容登録" />
      <h1 className="page-title">申請内容登録</h1>
      <StepIndicator current="content" />
      <Notice tone="warning" title="この画面はまだご利用いただけません">
        <p>
          個人情報の取り扱い等の同意とシステム利用規約への同意を受け付けました。申請内容を入力する画面は現在準備中です。公開までお待ちください。
        </p>
      </Notice>
      <p>
        <ButtonLink href="/menu" variant="secondary">
          メニューに戻る
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
