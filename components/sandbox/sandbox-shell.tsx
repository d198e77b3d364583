// The frame of the payment sandbox's pages (issue 12): they stand for a payment provider's own
// pages, so they carry the provider's header, not the portal's, and say plainly that they are a test.
// The hosted card page speaks the language the merchant asked for (lib/payments/sandbox/words.ts):
// the header and <main>, the sandbox's own words, are marked with it, whatever the portal's own
// language is; the skip link stays in the portal's language (the page's <html lang>).
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
    <div className="page">
      <SkipLink />
      <div lang={language}>
        <SiteHeader title={words.siteTitle} subtitle="Payment Sandbox" />
      </div>
      <main id="main" tabIndex={-1} className="public-main" lang={language}>
        <Notice tone="warning" title={words.banner}>
          <p>{words.bannerBody}</p>
        </Notice>
        {children}
      </main>
    </div>
  );
}
