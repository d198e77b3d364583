// The frame of the payment sandbox's pages (issue 12): they stand for a payment provider's own
// pages, so they carry the provider's header, not the portal's, and say plainly that they are a test.
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { Notice } from "@/components/ui/notice";

export const SANDBOX_BANNER = "テスト用の決済画面（サンドボックス）";

export function SandboxShell({ children }: { children: ReactNode }) {
  return (
    <div className="page">
      <SkipLink />
      <SiteHeader title="決済サービス（サンドボックス）" subtitle="Payment Sandbox" />
      <main id="main" tabIndex={-1} className="public-main">
        <Notice tone="warning" title={SANDBOX_BANNER}>
          <p>
            この画面は決済サービスの動きをまねたテスト用の画面です。実際の請求や入金は行われません。本物のカード番号は入力しないでください。
          </p>
        </Notice>
        {children}
      </main>
    </div>
  );
}
