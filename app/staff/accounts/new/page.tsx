// 職員アカウントの作成 (administrators only).
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffAccountForm } from "@/components/staff/staff-account-form";
import { loadAdminPage } from "@/lib/dal/staff-page";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "職員アカウントの作成" };

export default async function NewStaffAccountPage() {
  const { frame } = await loadAdminPage("/staff/accounts/new");
  return (
    <StaffFrame {...frame}>
      <p>
        <Link href="/staff/accounts">職員アカウント一覧に戻る</Link>
      </p>
      <h1 className="page-title">職員アカウントの作成</h1>
      <p>{`「作成する」を押すと、仮パスワードを発行して、入力したメールアドレスにお知らせメールを送ります。仮パスワードはメールでのみ本人に届き、この画面には表示されません。有効期限は${getEnv().TEMP_PASSWORD_DAYS}日間で、初回ログイン時にパスワードの変更が必要です。`}</p>
      <StaffAccountForm />
    </StaffFrame>
  );
}
