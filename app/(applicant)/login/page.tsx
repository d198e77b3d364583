// ログイン: the page the ID email links to.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { MaintenanceNotice } from "@/components/auth/maintenance-notice";
import { FormMessage } from "@/components/form/form-message";
import { PublicShell } from "@/components/layout/public-shell";
import { getCurrentApplicant } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { lockedMessage } from "@/lib/auth/messages";

export const metadata: Metadata = { title: "ログイン" };

function reasonMessage(reason: string | undefined) {
  switch (reason) {
    case "password-changed":
      return {
        tone: "success" as const,
        text: "パスワードを変更しました。新しいパスワードでログインしてください。",
      };
    case "logged-out":
      return { tone: "info" as const, text: "ログアウトしました。" };
    case "idle":
      return {
        tone: "info" as const,
        text: "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
      };
    case "signed-out":
      return {
        tone: "info" as const,
        text: "ログインしていないか、ログインの有効期限が切れました。ログインしてください。",
      };
    case "locked":
      return { tone: "error" as const, text: lockedMessage(null, getEnv().LOCKOUT_MINUTES) };
    default:
      return null;
  }
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const current = await getCurrentApplicant();
  if (current) redirect(current.applicant.mustChangePassword ? "/password/change" : "/menu");
  const { reason } = await searchParams;
  const message = reasonMessage(typeof reason === "string" ? reason : undefined);

  return (
    <PublicShell>
      <h1 className="page-title">ログイン</h1>
      {message ? <FormMessage tone={message.tone} message={message.text} /> : null}
      <p>
        お知らせメールに記載された「申請ログインID」と「申請用パスワード」を入力し、「ログイン」ボタンを押してください。
      </p>
      <LoginForm kind="applicant" />
      <p>
        <Link href="/usage-request">申請ログインIDをお持ちでない方（利用申し込み）</Link>
      </p>
      <MaintenanceNotice />
    </PublicShell>
  );
}
