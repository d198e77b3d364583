// 同意しない: registration cannot go on without consent; the way back.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";

export const metadata: Metadata = { title: "システム利用規約に同意いただけない場合" };

export default async function ConsentDeclinedPage() {
  const { frame } = await loadApplicantPage("/registration/consent/declined");
  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="システム利用規約同意" />
      <h1 className="page-title">登録申請を進めることができません</h1>
      <Notice tone="warning" title="システム利用規約への同意が必要です">
        <p>
          建設キャリアアップシステムへの技能者登録は、システム利用規約に同意いただいた方だけが申請できます。
          同意いただけない場合、登録申請を進めることはできません。
        </p>
        <p>内容を確認し直す場合は「システム利用規約同意に戻る」を押してください。</p>
      </Notice>
      <div className="form__actions">
        <ButtonLink href="/registration/consent/terms">システム利用規約同意に戻る</ButtonLink>
        <ButtonLink href="/menu" variant="secondary">
          メニューに戻る
        </ButtonLink>
      </div>
    </ApplicantFrame>
  );
}
