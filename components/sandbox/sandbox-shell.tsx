// The frame of the payment sandbox's pages (issue 12): they stand for a payment provider's own
// pages, so they carry the provider's header, not the portal's, and say plainly that they are a test.
// The hosted card page speaks the language the merchant asked for (lib/payments/sandbox/words.ts);
// the frame marks it, whatever the portal's own language is.
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { Notice } from "@/components/ui/notice";
import { sandboxWords, type SandboxLanguage } from "@/lib/payments/sandbox/words";

export const SANDBOX_BANNER = sandboxWords("ja").banner;

export function SandboxShell({
  children,
  language = "ja",
}: {
  children: ReactNode;
  language?: SandboxLanguage;
}) {
  const words = sandboxWords(language);
  return (
    <div className="page" lang={language}>
      <SkipLink />
      <SiteHeader title={words.siteTitle} subtitle="Payment Sandbox" />
      <main id="main" tabIndex={-1} className="public-main">
        <Notice tone="warning" title={words.banner}>
          <p>{words.bannerBody}</p>
        </Notice>
        {children}
      </main>
    </div>
  );
}
