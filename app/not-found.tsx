import Link from "next/link";
import { PublicShell } from "@/components/layout/public-shell";

// Next.js writes this page into the RSC payload of every page, for each of its not-found
// boundaries (the root's and the (applicant) group's). Built once, of plain elements only
// (PublicShell's parts are plain functions): React writes the second copy as a reference to the
// first, and no request builds it again (issue 14, docs/performance.md).
const notFoundPage = PublicShell({
  children: [
    <h1 key="h1" className="page-title">
      ページが見つかりません
    </h1>,
    <p key="text">お探しのページは見つかりませんでした。URLを確認してください。</p>,
    <p key="link">
      <Link href="/login">ログイン画面へ</Link>
    </p>,
  ],
});

export default function NotFound() {
  return notFoundPage;
}
