// The registration wizard's entry. The wizard itself (consents, 申請内容登録, 送信) is not built yet.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";

export const metadata: Metadata = { title: "登録申請" };

export default async function RegistrationStepsPage() {
  const { frame } = await loadApplicantPage("/registration/steps");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">登録申請</h1>
      <Notice tone="warning" title="この機能はまだご利用いただけません">
        <p>個人情報取扱同意から申請内容送信までの画面は、現在準備中です。公開までお待ちください。</p>
      </Notice>
      <p>
        <ButtonLink href="/menu" variant="secondary">
          メニューに戻る
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
