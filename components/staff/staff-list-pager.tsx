// Keyset paging links under a staff list. Each link has its own name (前の50件, 次の50件,
// 最初のページに戻る), so a screen-reader user's links list tells them apart.
import Link from "next/link";

export type StaffListPagerProps = {
  previousHref: string | null;
  nextHref: string | null;
  /** Set when this is not the first page (a cursor is in the URL). */
  firstHref: string | null;
  pageSize: number;
};

export function StaffListPager({ previousHref, nextHref, firstHref, pageSize }: StaffListPagerProps) {
  if (!previousHref && !nextHref && !firstHref) return null;
  return (
    <nav className="list-pager" aria-label="ページ送り">
      <ul className="list-pager__list">
        {previousHref ? (
          <li>
            <Link href={previousHref} prefetch={false} rel="prev" className="list-pager__link">
              前の{pageSize}件
            </Link>
          </li>
        ) : null}
        {nextHref ? (
          <li>
            <Link href={nextHref} prefetch={false} rel="next" className="list-pager__link">
              次の{pageSize}件
            </Link>
          </li>
        ) : null}
        {firstHref ? (
          <li>
            <Link href={firstHref} prefetch={false} className="list-pager__link">
              最初のページに戻る
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
