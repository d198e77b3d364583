// 開発用メールボックス: the mail the app "sent" without SMTP_URL. Development only: the file name
// ends in .dev.tsx, which only the development server's phase includes (next.config.ts
// pageExtensions), and the page answers 404 unless it runs under `next dev` — even in a build
// made with an odd NODE_ENV.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicShell } from "@/components/layout/public-shell";
import { getEnv } from "@/lib/env";
import { formatJstDateTime } from "@/lib/format/date";
import { readMailbox } from "@/lib/mail/read-mailbox";
import { mailboxDir } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "開発用メールボックス" };

export default async function DevMailboxPage() {
  // Next.js compiles this to "1" for `next dev` and to "" in every `next build`, whatever NODE_ENV.
  if (process.env.__NEXT_DEV_SERVER !== "1") notFound();
  const env = getEnv();
  const messages = await readMailbox(env.DATA_DIR);
  return (
    <PublicShell>
      <h1 className="page-title">開発用メールボックス</h1>
      <p>
        SMTP_URL が未設定のため、送信メールは {mailboxDir(env.DATA_DIR)}{" "}
        に保存されています（新しい順、最新50件）。 この画面は開発サーバーにだけ存在します。
      </p>
      {messages.length === 0 ? <p>まだメールはありません。</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="card mail-card">
          <h2 className="section-title">{message.subject}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>宛先</dt>
              <dd>{message.to}</dd>
            </div>
            <div className="summary-list__row">
              <dt>差出人</dt>
              <dd>{message.from}</dd>
            </div>
            <div className="summary-list__row">
              <dt>日時</dt>
              <dd>{formatJstDateTime(new Date(message.date))}</dd>
            </div>
          </dl>
          <pre className="mail-card__body" tabIndex={0} aria-label={`本文：${message.subject}`}>
            {message.text}
          </pre>
        </article>
      ))}
    </PublicShell>
  );
}
