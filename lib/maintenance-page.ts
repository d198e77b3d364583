// The maintenance page: plain HTML answered by the proxy with 503 and Retry-After, so it needs
// no database, no session and no React.
import { formatJstDateTime } from "@/lib/format/date";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMaintenancePage(options: {
  nonce: string;
  endsAt: Date | null;
  schedule: string;
}): string {
  const until = options.endsAt
    ? `<p>再開予定：<strong>${escape(formatJstDateTime(options.endsAt))}</strong>（日本時間）</p>`
    : "<p>再開まで、しばらくお待ちください。</p>";
  const schedule = options.schedule ? `<p>定期メンテナンス：${escape(options.schedule)}</p>` : "";
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>メンテナンス中 | 建設キャリアアップシステム</title>
<style nonce="${options.nonce}">
body{margin:0;font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.7}
header{background:#0b3d91;color:#fff;padding:1rem 1.5rem}header p{margin:0;font-weight:700;font-size:1.25rem}header span{display:block;font-size:.875rem;font-weight:400}
main{max-width:40rem;margin:0 auto;padding:2rem 1.5rem}h1{font-size:1.5rem}
</style></head><body>
<header><p>建設キャリアアップシステム<span lang="en">Construction Careerup System</span></p></header>
<main><h1>ただいまメンテナンス中です</h1>
<p>システムのメンテナンスのため、現在ご利用いただけません。ご不便をおかけしますが、ご了承ください。</p>
${until}${schedule}
</main></body></html>`;
}
