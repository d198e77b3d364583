// Keyset paging links under a staff list. Each link has its own name (前の50件, 次の50件,
// 最初のページに戻る), so a screen-reader user's links list tells them apart.
import Link from "next/link";

export type StaffListPagerProps = {
  /** The keyset page: its cursors both ways, and whether it is the first page. */
  page: { previousCursor: string | null; nextCursor: string | null; isFirstPage: boolean };
  /** The list's address with the same search and this cursor (none: the first page). */
  hrefFor: (cursor: string | null) => string;
  pageSize: number;
};

export function StaffListPager({ page, hrefFor, pageSize }: StaffListPagerProps) {
  const previousHref = page.previousCursor ? hrefFor(page.previousCursor) : null;
  const nextHref = page.nextCursor ? hrefFor(page.nextCursor) : null;
  const firstHref = page.isFirstPage ? null : hrefFor(null);
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
