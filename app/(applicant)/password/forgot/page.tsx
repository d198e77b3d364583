// パスワードを忘れた場合.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PasswordReissueForm } from "@/components/auth/password-reissue-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.passwordForgot");
  return { title: withoutRuby(t("title")) };
}

export default async function ForgotPasswordPage({ searchParams }: PageProps<"/password/forgot">) {
  const { sent } = await searchParams;
  const t = await getTranslations("auth.passwordForgot");
  return (
    <PublicShell>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      {sent === "1" ? (
        <Notice tone="success" title={t("sentTitle")} role="status">
          <p>{withRuby(t("sentBody"))}</p>
          <p>{withRuby(t("sentCurrentStillWorks"))}</p>
        </Notice>
      ) : (
        <>
          <p>{withRuby(t("intro"))}</p>
          {/* auth.errors: the throttle's answer; validation.login: the login ID's messages (the e-mail's are in "fields", always sent). */}
          <ClientMessages paths={["auth.passwordForgot", "auth.errors", "validation.login"]}>
            <PasswordReissueForm />
          </ClientMessages>
        </>
      )}
      <p>
        <Link href="/login">{withRuby(t("backToLogin"))}</Link>
      </p>
    </PublicShell>
  );
}
