// 利用申し込み (public): a technician without a 申請ログインID asks for one by email. After sending,
// the answer is the same for every address (see lib/applicants/request-usage.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { UsageRequestForm } from "@/components/auth/usage-request-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "利用申し込み" };

export default async function UsageRequestPage({ searchParams }: PageProps<"/usage-request">) {
  const { sent } = await searchParams;
  return (
    <PublicShell>
      <h1 className="page-title">利用申し込み</h1>
      {sent === "1" ? (
        <>
          <Notice tone="success" title="お申し込みを受け付けました" role="status">
            <p>
              お申し込みを受け付けました。入力されたメールアドレスに、申請ログインIDのお知らせをお送りします。メールが届かない場合は、迷惑メールフォルダーを確認するか、メールアドレスに誤りがないか確かめて、しばらくしてからもう一度お申し込みください。
            </p>
          </Notice>
          <h2>このあとの流れ</h2>
          <ol>
            <li>
              届いたメールの「申請用ログインURL」を開き、「申請ログインID」と「申請用パスワード」でログインします。
            </li>
            <li>最初のログインでは、パスワードの変更が必要です。</li>
            <li>パスワードを変更したら、もう一度ログインして、登録申請に進みます。</li>
          </ol>
          <p>
            このメールアドレスですでに申請ログインIDが発行されている場合は、新しい申請ログインIDは発行せず、お持ちの申請ログインIDをメールでお知らせします。
          </p>
        </>
      ) : (
        <>
          <p>
            技能者情報の登録申請には、申請ログインIDが必要です。申請ログインIDをお持ちでない技能者の方は、このページから申し込んでください。
          </p>
          <p>
            お申し込みを受け付けると、入力されたメールアドレスに「申請ログインID」と「申請用パスワード」をお送りします。メールに記載された申請用ログインURLからログインし、最初のログインでパスワードを変更してください。
          </p>
          <p>
            申請ログインIDをお持ちの方は、申し込みは不要です。ログイン画面からログインしてください。パスワードがわからない場合は、
            <Link href="/password/forgot">パスワードを忘れた場合</Link>
            から再発行できます。
          </p>
          <UsageRequestForm />
        </>
      )}
      <p>
        <Link href="/login">ログイン画面に戻る</Link>
      </p>
    </PublicShell>
  );
}
