// ログイン: the page the ID email links to.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { MaintenanceNotice } from "@/components/auth/maintenance-notice";
import { FormMessage } from "@/components/form/form-message";
import { PublicShell } from "@/components/layout/public-shell";
import { getCurrentApplicant } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { lockedMessage } from "@/lib/auth/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getMessageText } from "@/lib/i18n/get-message-text";
import { withRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

type LoginText = Awaited<ReturnType<typeof getTranslations<"auth.login">>>;

function reasonMessage(reason: string | undefined, t: LoginText, text: (message: string) => string) {
  switch (reason) {
    case "password-changed":
      return { tone: "success" as const, text: t("reason.passwordChanged") };
    case "logged-out":
      return { tone: "info" as const, text: t("reason.loggedOut") };
    case "idle":
      return { tone: "info" as const, text: t("reason.idle") };
    case "signed-out":
      return { tone: "info" as const, text: t("reason.signedOut") };
    case "locked":
      return { tone: "error" as const, text: text(lockedMessage(null, getEnv().LOCKOUT_MINUTES)) };
    default:
      return null;
  }
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const current = await getCurrentApplicant();
  if (current) redirect(current.applicant.mustChangePassword ? "/password/change" : "/menu");
  const { reason } = await searchParams;
  const t = await getTranslations("auth.login");
  const message = reasonMessage(typeof reason === "string" ? reason : undefined, t, await getMessageText());

  return (
    <PublicShell>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      {message ? <FormMessage tone={message.tone} message={message.text} /> : null}
      <p>{withRuby(t("intro"))}</p>
      <ClientMessages paths={["auth.login", "auth.errors", "validation.login"]}>
        <LoginForm kind="applicant" />
      </ClientMessages>
      <p>
        <Link href="/usage-request">{withRuby(t("usageRequest"))}</Link>
      </p>
      <MaintenanceNotice />
    </PublicShell>
  );
}
