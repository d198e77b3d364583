// The breadcrumb of every 登録申請 page: 新規登録 / 登録申請 / {page}.
import Link from "next/link";

export function RegistrationBreadcrumb({ pageName }: { pageName: string }) {
  return (
    <nav className="breadcrumb" aria-label="現在位置">
      <ol>
        <li>新規登録</li>
        <li>
          <Link href="/registration">登録申請</Link>
        </li>
        <li aria-current="page">{pageName}</li>
      </ol>
    </nav>
  );
}
