// 申請用ログインID発行.
import type { Metadata } from "next";
import { ApplicantIssueForm } from "@/components/staff/applicant-issue-form";
import { StaffFrame } from "@/components/layout/staff-frame";
import { loadStaffPage } from "@/lib/dal/staff-page";

export const metadata: Metadata = { title: "申請用ログインID発行" };

export default async function ApplicantIssuePage() {
  const { frame } = await loadStaffPage("/staff/applicants/issue");
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請用ログインID発行</h1>
      <p>
        技能者の氏名とメールアドレスを入力して「発行する」を押すと、申請ログインIDと申請用パスワードを発行し、お知らせメールを送ります。
        申請用パスワードはメールでのみ本人に届き、この画面には表示されません。
      </p>
      <ApplicantIssueForm />
    </StaffFrame>
  );
}
