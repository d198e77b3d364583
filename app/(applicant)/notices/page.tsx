// 通知: not built yet (see the back-office issue); the page says so.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";

export const metadata: Metadata = { title: "通知" };

export default async function Page() {
  const { frame } = await loadApplicantPage("/notices");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">通知</h1>
      <Notice tone="warning" title="この機能はまだご利用いただけません">
        <p>お知らせの一覧は現在準備中です。</p>
      </Notice>
    </ApplicantFrame>
  );
}
