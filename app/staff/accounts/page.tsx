// 職員アカウント一覧 (administrators only).
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { ButtonLink } from "@/components/ui/button";
import { now } from "@/lib/clock";
import { loadAdminPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { STAFF_ROLE_LABELS } from "@/lib/schemas/staff-account";
import {
  STAFF_ACCOUNT_STATE_LABELS,
  listStaffAccounts,
  staffAccountState,
} from "@/lib/staff/list-staff-accounts";

export const metadata: Metadata = { title: "職員アカウント" };

const PATH = "/staff/accounts";

export default async function StaffAccountsPage() {
  const { frame, staff } = await loadAdminPage(PATH);
  const accounts = await listStaffAccounts();
  const at = now();
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">職員アカウント</h1>
      <p>職員用画面にログインできるアカウントの一覧です。氏名を選ぶと、利用停止やロックの解除ができます。</p>
      <p>
        <ButtonLink href="/staff/accounts/new">職員アカウントを作成する</ButtonLink>
      </p>
      <p className="list-summary">{accounts.length}件のアカウントがあります。</p>
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">職員アカウント一覧（新しく作成した順）</caption>
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">メールアドレス</th>
              <th scope="col">権限</th>
              <th scope="col">状態</th>
              <th scope="col">作成日時</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td>
                  <Link href={`/staff/accounts/${account.id}`} prefetch={false}>
                    {account.name}
                  </Link>
                  {account.id === staff.id ? <span className="staff-account__self">（あなた）</span> : null}
                </td>
                <td className="list-table__email">{account.email}</td>
                <td>{STAFF_ROLE_LABELS[account.role]}</td>
                <td>{STAFF_ACCOUNT_STATE_LABELS[staffAccountState(account, at)]}</td>
                <td className="list-table__date">{formatJstDateTime(account.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffFrame>
  );
}
