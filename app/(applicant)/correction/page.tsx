// 20_申請の修正: not built yet (see the back-office issue); the page says so.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";

export const metadata: Metadata = { title: "20_申請の修正" };

export default async function Page() {
  const { frame } = await loadApplicantPage("/correction");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">20_申請の修正</h1>
      <Notice tone="warning" title="この機能はまだご利用いただけません">
        <p>申請の修正は、提出した申請が不備で戻されたときに使います。この機能は現在準備中です。</p>
      </Notice>
    </ApplicantFrame>
  );
}
