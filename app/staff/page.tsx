// 職員トップ. 同意記録, 監査ログ and 職員アカウント are listed for administrators only (the pages
// answer 404 to anyone else).
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { loadStaffPage } from "@/lib/dal/staff-page";

export const metadata: Metadata = { title: "職員メニュー" };

export default async function StaffHomePage() {
  const { frame, staff } = await loadStaffPage("/staff");
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">職員メニュー</h1>
      <p>{staff.name} さん、ログイン中です。</p>
      <ul className="link-list">
        <li>
          <Link href="/staff/applicants/issue">申請用ログインIDを発行する</Link>
        </li>
        <li>
          <Link href="/staff/applicants/bulk">申請用ログインIDをCSVで一括発行する</Link>
        </li>
        <li>
          <Link href="/staff/applicants">申請者の一覧を見る</Link>
        </li>
        <li>
          <Link href="/staff/applications">申請の一覧を見る</Link>
        </li>
        <li>
          <Link href="/staff/emails">メールの送信状況を見る</Link>
        </li>
        {staff.role === "ADMIN" ? (
          <>
            <li>
              <Link href="/staff/consents">同意記録をCSVで出力する</Link>
            </li>
            <li>
              <Link href="/staff/audit">監査ログを検索する</Link>
            </li>
            <li>
              <Link href="/staff/accounts">職員アカウントを管理する</Link>
            </li>
          </>
        ) : null}
      </ul>
    </StaffFrame>
  );
}
