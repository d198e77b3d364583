// One staff account (administrators only): its details, and 利用停止 / 利用停止の解除 / ロック解除.
// The buttons are plain forms (they work without JavaScript); the action's answer comes back as
// ?result= or ?error= and is shown at the top.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffAccountSummary } from "@/components/staff/staff-account-summary";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { disableStaffAccountAction } from "@/lib/actions/disable-staff-account";
import { enableStaffAccountAction } from "@/lib/actions/enable-staff-account";
import { unlockStaffAccountAction } from "@/lib/actions/unlock-staff-account";
import { now } from "@/lib/clock";
import { loadAdminPage } from "@/lib/dal/staff-page";
import { findStaffAccount } from "@/lib/staff/list-staff-accounts";

export const metadata: Metadata = { title: "職員アカウントの詳細" };

const RESULTS: Record<string, { title: string; text: string }> = {
  created: {
    title: "職員アカウントを作成しました",
    text: "仮パスワードを記載したお知らせメールの送信を受け付けました。メールは順番に送信されます。仮パスワードはこの画面には表示されません。",
  },
  disabled: {
    title: "利用を停止しました",
    text: "この職員はログインできなくなりました。ログイン中の画面も、次の操作でログイン画面に戻ります。",
  },
  enabled: { title: "利用停止を解除しました", text: "この職員は、再びログインできます。" },
  unlocked: { title: "ロックを解除しました", text: "この職員は、すぐにログインできます。" },
};

const ERRORS: Record<string, string> = {
  self: "自分のアカウントは利用停止できません。ほかの管理者に依頼してください。",
  "last-admin":
    "利用中の管理者がほかにいないため、このアカウントは利用停止できません。先に、管理者の職員アカウントをもう1つ作成してください。",
};

const pick = <T,>(table: Record<string, T>, key: string | string[] | undefined): T | undefined =>
  typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;

function StatusForm({
  action,
  staffId,
  label,
  variant = "primary",
}: {
  action: (formData: FormData) => Promise<void>;
  staffId: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  return (
    <form action={action} className="staff-account__action">
      <input type="hidden" name="staffId" value={staffId} />
      <Button type="submit" variant={variant}>
        {label}
      </Button>
    </form>
  );
}

export default async function StaffAccountPage({
  params,
  searchParams,
}: PageProps<"/staff/accounts/[staffId]">) {
  const { staffId } = await params;
  const { frame, staff: me } = await loadAdminPage(`/staff/accounts/${staffId}`);
  const account = await findStaffAccount(staffId);
  if (!account) notFound();
  const query = await searchParams;
  const result = pick(RESULTS, query.result);
  const error = pick(ERRORS, query.error);
  const at = now();
  const isSelf = account.id === me.id;
  const isLocked = account.lockedUntil !== null && account.lockedUntil > at;

  return (
    <StaffFrame {...frame}>
      <p>
        <Link href="/staff/accounts">職員アカウント一覧に戻る</Link>
      </p>
      <h1 className="page-title">職員アカウントの詳細</h1>
      {result ? (
        <Notice tone="success" title={result.title} role="status">
          <p>{result.text}</p>
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" title="操作できませんでした" role="alert">
          <p>{error}</p>
        </Notice>
      ) : null}
      <StaffAccountSummary account={account} isSelf={isSelf} at={at} />

      <h2 className="section-title">操作</h2>
      {isLocked ? (
        <>
          <p>
            パスワードを連続して間違えたため、ロックされています。本人に確認のうえ、ロックを解除できます。
          </p>
          <StatusForm action={unlockStaffAccountAction} staffId={account.id} label="ロックを解除する" />
        </>
      ) : null}
      {account.disabledAt ? (
        <>
          <p>利用停止を解除すると、この職員は再びログインできます。</p>
          <StatusForm action={enableStaffAccountAction} staffId={account.id} label="利用停止を解除する" />
        </>
      ) : isSelf ? (
        <p>自分のアカウントは利用停止できません。</p>
      ) : (
        <>
          <p>
            利用を停止すると、この職員はログインできなくなります。ログイン中の画面も、次の操作でログイン画面に戻ります。
          </p>
          <StatusForm
            action={disableStaffAccountAction}
            staffId={account.id}
            label="利用を停止する"
            variant="danger"
          />
        </>
      )}
    </StaffFrame>
  );
}
