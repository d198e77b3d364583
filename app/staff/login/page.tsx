// 職員ログイン.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StaffLoginForm } from "@/components/auth/staff-login-form";
import { FormMessage } from "@/components/form/form-message";
import { PublicShell } from "@/components/layout/public-shell";
import { getCurrentStaff } from "@/lib/dal/session";

export const metadata: Metadata = { title: "職員ログイン" };

const reasons: Record<string, string> = {
  "logged-out": "ログアウトしました。",
  idle: "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
  "signed-out": "職員としてログインしていないか、ログインの有効期限が切れました。ログインしてください。",
};

export default async function StaffLoginPage({ searchParams }: PageProps<"/staff/login">) {
  if (await getCurrentStaff()) redirect("/staff");
  const { reason } = await searchParams;
  const message = typeof reason === "string" ? reasons[reason] : undefined;
  return (
    <PublicShell>
      <h1 className="page-title">職員ログイン</h1>
      {message ? <FormMessage tone="info" message={message} /> : null}
      <StaffLoginForm />
    </PublicShell>
  );
}
