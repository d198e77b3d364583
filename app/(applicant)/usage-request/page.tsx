// 利用申し込み (public): a technician without a 申請ログインID asks for one by email. After sending,
// the answer is the same for every address (see lib/applicants/request-usage.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UsageRequestForm } from "@/components/auth/usage-request-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.usageRequest");
  return { title: withoutRuby(t("title")) };
}

export default async function UsageRequestPage({ searchParams }: PageProps<"/usage-request">) {
  const { sent } = await searchParams;
  const t = await getTranslations("auth.usageRequest");
  return (
    <PublicShell>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      {sent === "1" ? (
        <>
          <Notice tone="success" title={t("sentTitle")} role="status">
            <p>{withRuby(t("sentBody"))}</p>
          </Notice>
          <h2>{withRuby(t("nextTitle"))}</h2>
          <ol>
            <li>{withRuby(t("next1"))}</li>
            <li>{withRuby(t("next2"))}</li>
            <li>{withRuby(t("next3"))}</li>
          </ol>
          <p>{withRuby(t("alreadyIssued"))}</p>
        </>
      ) : (
        <>
          <p>{withRuby(t("intro"))}</p>
          <p>{withRuby(t("whatHappens"))}</p>
          <p>
            {withRuby(t("haveIdBefore"))}
            <Link href="/password/forgot">{withRuby(t("haveIdLink"))}</Link>
            {withRuby(t("haveIdAfter"))}
          </p>
          {/* auth.errors: the throttle's answer; applicantName: the name's messages (the others' are
              in "fields", always sent). */}
          <ClientMessages paths={["auth.usageRequest", "auth.errors", "applicantName"]}>
            <UsageRequestForm />
          </ClientMessages>
        </>
      )}
      <p>
        <Link href="/login">{withRuby(t("backToLogin"))}</Link>
      </p>
    </PublicShell>
  );
}
