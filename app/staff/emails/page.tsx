// メール送信状況: the outbox, newest first.
import type { Metadata } from "next";
import { StaffFrame } from "@/components/layout/staff-frame";
import { db } from "@/lib/db";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { emailStatusLabels } from "@/lib/format/email-status";

export const metadata: Metadata = { title: "メール送信状況" };

const templateLabels: Record<string, string> = {
  "applicant-id-issued": "申請用ログインID・パスワードのお知らせ",
  "password-changed": "パスワード変更のお知らせ",
  "password-reissued": "申請用パスワード再発行のお知らせ",
};

export default async function EmailStatusPage() {
  const { frame } = await loadStaffPage("/staff/emails");
  const emails = await db.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      template: true,
      toAddress: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">メール送信状況</h1>
      <p>新しい順に、最新50件を表示しています。</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">メール送信状況（最新50件）</caption>
          <thead>
            <tr>
              <th scope="col">種類</th>
              <th scope="col">宛先</th>
              <th scope="col">状態</th>
              <th scope="col">試行回数</th>
              <th scope="col">最後のエラー</th>
              <th scope="col">受付日時</th>
              <th scope="col">送信日時</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr key={email.id}>
                <td>{templateLabels[email.template] ?? email.template}</td>
                <td>{email.toAddress}</td>
                <td>{emailStatusLabels[email.status]}</td>
                <td>{email.attempts}</td>
                <td>{email.lastError ?? ""}</td>
                <td>{formatJstDateTime(email.createdAt)}</td>
                <td>{email.sentAt ? formatJstDateTime(email.sentAt) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffFrame>
  );
}
