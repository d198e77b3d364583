// 職員ログイン.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { FormMessage, type FormMessageTone } from "@/components/form/form-message";
import { PublicShell } from "@/components/layout/public-shell";
import { lockedMessage } from "@/lib/auth/messages";
import { getCurrentStaff } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { ClientMessages } from "@/lib/i18n/client-messages";

export const metadata: Metadata = { title: "職員ログイン" };

const reasons: Record<string, { tone: FormMessageTone; text: () => string }> = {
  "logged-out": { tone: "info", text: () => "ログアウトしました。" },
  idle: {
    tone: "info",
    text: () => "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
  },
  "signed-out": {
    tone: "info",
    text: () => "職員としてログインしていないか、ログインの有効期限が切れました。ログインしてください。",
  },
  "password-changed": {
    tone: "success",
    text: () => "パスワードを変更しました。新しいパスワードでログインしてください。",
  },
  locked: { tone: "error", text: () => lockedMessage(null, getEnv().LOCKOUT_MINUTES, "staff") },
};

export default async function StaffLoginPage({ searchParams }: PageProps<"/staff/login">) {
  if (await getCurrentStaff()) redirect("/staff");
  const { reason } = await searchParams;
  const message = typeof reason === "string" && Object.hasOwn(reasons, reason) ? reasons[reason] : undefined;
  return (
    <PublicShell languageSwitcher={false}>
      <h1 className="page-title">職員ログイン</h1>
      {message ? <FormMessage tone={message.tone} message={message.text()} /> : null}
      <ClientMessages paths={["auth.login", "validation.login"]}>
        <LoginForm kind="staff" />
      </ClientMessages>
    </PublicShell>
  );
}
