// 申請者一覧: the newest applicants (search, filters and paging arrive with the back office).
import type { Metadata } from "next";
import { StaffFrame } from "@/components/layout/staff-frame";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";

export const metadata: Metadata = { title: "申請者一覧" };

export default async function ApplicantListPage() {
  const { frame } = await loadStaffPage("/staff/applicants");
  const at = now();
  const applicants = await db.applicant.findMany({
    orderBy: { issuedAt: "desc" },
    take: 50,
    select: {
      id: true,
      loginId: true,
      name: true,
      email: true,
      issuedAt: true,
      mustChangePassword: true,
      lockedUntil: true,
    },
  });
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請者一覧</h1>
      <p>新しく発行した順に、最新50件を表示しています。</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">申請者一覧（最新50件）</caption>
          <thead>
            <tr>
              <th scope="col">申請ログインID</th>
              <th scope="col">氏名</th>
              <th scope="col">メールアドレス</th>
              <th scope="col">状態</th>
              <th scope="col">ロック</th>
              <th scope="col">発行日時</th>
            </tr>
          </thead>
          <tbody>
            {applicants.map((applicant) => (
              <tr key={applicant.id}>
                <td>{applicant.loginId}</td>
                <td>{applicant.name}</td>
                <td>{applicant.email}</td>
                <td>{applicant.mustChangePassword ? "パスワード変更前" : "利用中"}</td>
                <td>{applicant.lockedUntil && applicant.lockedUntil > at ? "ロック中" : "なし"}</td>
                <td>{formatJstDateTime(applicant.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffFrame>
  );
}
