// パスワードを忘れた場合.
import type { Metadata } from "next";
import Link from "next/link";
import { PasswordReissueForm } from "@/components/auth/password-reissue-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "パスワードを忘れた場合" };

export default async function ForgotPasswordPage({ searchParams }: PageProps<"/password/forgot">) {
  const { sent } = await searchParams;
  return (
    <PublicShell>
      <h1 className="page-title">パスワードを忘れた場合</h1>
      {sent === "1" ? (
        <Notice tone="success" title="受け付けました" role="status">
          <p>
            入力されたログインIDとメールアドレスが登録内容と一致した場合は、新しい申請用パスワードをメールでお送りしました。
            メールが届かない場合は、入力内容を確認して、もう一度お試しください。
          </p>
          <p>
            新しい申請用パスワードでログインするまでは、現在のパスワードもそのまま使えます。新しい申請用パスワードでログインすると、パスワードの変更が必要になり、以前のパスワードは使えなくなります。
          </p>
        </Notice>
      ) : (
        <>
          <p>
            申請ログインIDと、申請ログインIDを受け取ったメールアドレスを入力してください。一致した場合、新しい申請用パスワードをメールでお送りします。
          </p>
          <PasswordReissueForm />
        </>
      )}
      <p>
        <Link href="/login">ログイン画面に戻る</Link>
      </p>
    </PublicShell>
  );
}
