import Link from "next/link";
import { PublicShell } from "@/components/layout/public-shell";

export default function NotFound() {
  return (
    <PublicShell>
      <h1 className="page-title">ページが見つかりません</h1>
      <p>お探しのページは見つかりませんでした。URLを確認してください。</p>
      <p>
        <Link href="/login">ログイン画面へ</Link>
      </p>
    </PublicShell>
  );
}
