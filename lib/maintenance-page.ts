// The maintenance page, and the page of a database that cannot be reached: plain HTML answered by
// the proxy with 503 and Retry-After, so it needs no database, no session and no React.
import { formatJstDateTime } from "@/lib/format/date";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plain page both 503 answers share: the portal's header, a heading, paragraphs (HTML). */
function renderPlainPage(options: { nonce: string; title: string; heading: string; body: string }): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(options.title)} | 建設キャリアアップシステム</title>
<style nonce="${options.nonce}">
body{margin:0;font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.7}
header{background:#0b3d91;color:#fff;padding:1rem 1.5rem}header p{margin:0;font-weight:700;font-size:1.25rem}header span{display:block;font-size:.875rem;font-weight:400}
main{max-width:40rem;margin:0 auto;padding:2rem 1.5rem}h1{font-size:1.5rem}
</style></head><body>
<header><p>建設キャリアアップシステム<span lang="en">Construction Careerup System</span></p></header>
<main><h1>${escape(options.heading)}</h1>
${options.body}
</main></body></html>`;
}

/** The headers of every plain 503 answer (proxy.ts's two, scripts/server.ts's overload answer). */
export function unavailableHeaders(options: {
  csp: string;
  hsts: string | null;
  retryAfterSeconds: number;
}): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(options.retryAfterSeconds),
    "Cache-Control": "no-store",
    "Content-Security-Policy": options.csp,
    ...(options.hsts ? { "Strict-Transport-Security": options.hsts } : {}),
  };
}

export function renderMaintenancePage(options: {
  nonce: string;
  endsAt: Date | null;
  schedule: string;
}): string {
  const until = options.endsAt
    ? `<p>再開予定：<strong>${escape(formatJstDateTime(options.endsAt))}</strong>（日本時間）</p>`
    : "<p>再開まで、しばらくお待ちください。</p>";
  const schedule = options.schedule ? `<p>定期メンテナンス：${escape(options.schedule)}</p>` : "";
  return renderPlainPage({
    nonce: options.nonce,
    title: "メンテナンス中",
    heading: "ただいまメンテナンス中です",
    body: `<p>システムのメンテナンスのため、現在ご利用いただけません。ご不便をおかけしますが、ご了承ください。</p>
${until}${schedule}`,
  });
}

/** The heading of the page answered (503) while the database cannot be reached (lib/db-availability.ts). */
export const DATABASE_UNAVAILABLE_HEADING = "ただいま一時的にご利用いただけません";

/**
 * The database is down or restarting: proxy.ts answers every page and action with this (503);
 * and an overloaded instance (scripts/server.ts) answers what it cannot take on.
 */
export function renderDatabaseUnavailablePage(options: { nonce: string }): string {
  return renderPlainPage({
    nonce: options.nonce,
    title: "一時的にご利用いただけません",
    heading: DATABASE_UNAVAILABLE_HEADING,
    body: `<p>システムが混み合っているか、一時的な問題のため、現在ご利用いただけません。ご不便をおかけしますが、しばらくしてから、もう一度お試しください。</p>
<p>入力した内容は、保存が完了したところまで残っています。</p>`,
  });
}
