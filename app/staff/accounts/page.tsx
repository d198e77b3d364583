// 職員アカウント一覧 (administrators only).
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { now } from "@/lib/clock";
import { loadAdminPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { STAFF_ACCOUNT_STATE_LABELS, STAFF_ROLE_LABELS } from "@/lib/labels";
import { listStaffAccounts, staffAccountState, type StaffAccountRow } from "@/lib/staff/list-staff-accounts";

export const metadata: Metadata = { title: "職員アカウント" };

const PATH = "/staff/accounts";

export default async function StaffAccountsPage() {
  const { frame, staff } = await loadAdminPage(PATH);
  const accounts = await listStaffAccounts();
  const at = now();
  const columns: DataColumn<StaffAccountRow>[] = [
    {
      header: "氏名",
      cell: (account) => (
        <>
          <Link href={`/staff/accounts/${account.id}`} prefetch={false}>
            {account.name}
          </Link>
          {account.id === staff.id ? <span className="staff-account__self">（あなた）</span> : null}
        </>
      ),
    },
    { header: "メールアドレス", className: "list-table__email", cell: (account) => account.email },
    { header: "権限", cell: (account) => STAFF_ROLE_LABELS[account.role] },
    { header: "状態", cell: (account) => STAFF_ACCOUNT_STATE_LABELS[staffAccountState(account, at)] },
    {
      header: "作成日時",
      className: "list-table__date",
      cell: (account) => formatJstDateTime(account.createdAt),
    },
  ];
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">職員アカウント</h1>
      <p>職員用画面にログインできるアカウントの一覧です。氏名を選ぶと、利用停止やロックの解除ができます。</p>
      <p>
        <ButtonLink href="/staff/accounts/new">職員アカウントを作成する</ButtonLink>
      </p>
      <p className="list-summary">{accounts.length}件のアカウントがあります。</p>
      <DataTable
        caption="職員アカウント一覧（新しく作成した順）"
        columns={columns}
        rows={accounts}
        rowKey={(account) => account.id}
      />
    </StaffFrame>
  );
}
