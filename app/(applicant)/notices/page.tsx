// 通知: the applicant's notices, newest first, 20 a page; unread ones carry a 「未読」 badge.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatJstDateTime } from "@/lib/format/date";
import { listNotices, NOTICES_PER_PAGE } from "@/lib/notices/notices";

export const metadata: Metadata = { title: "通知" };

export default async function NoticesPage({ searchParams }: PageProps<"/notices">) {
  const { applicant, frame } = await loadApplicantPage("/notices");
  const { before } = await searchParams;
  const cursor = typeof before === "string" && before !== "" ? before : undefined;
  const { notices, nextCursor } = await listNotices(applicant.id, { before: cursor });

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">通知</h1>
      {notices.length === 0 ? (
        <p>通知はありません。</p>
      ) : (
        <ul className="notice-list">
          {notices.map((notice) => {
            const isUnread = notice.readAt === null;
            return (
              <li
                key={notice.id}
                className={isUnread ? "notice-list__item notice-list__item--unread" : "notice-list__item"}
              >
                <time className="notice-list__date" dateTime={notice.createdAt.toISOString()}>
                  {formatJstDateTime(notice.createdAt)}
                </time>
                {/* Opening a notice marks it read, so it must never be prefetched. */}
                <Link href={`/notices/${notice.id}`} prefetch={false} className="notice-list__link">
                  {isUnread ? (
                    <>
                      <span className="badge badge--unread">未読</span>{" "}
                    </>
                  ) : null}
                  {notice.title}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor || cursor ? (
        <nav className="notice-pager" aria-label="通知のページ">
          {nextCursor ? (
            <Link href={`/notices?before=${encodeURIComponent(nextCursor)}`} prefetch={false}>
              次の{NOTICES_PER_PAGE}件
            </Link>
          ) : null}
          {cursor ? (
            <Link href="/notices" prefetch={false}>
              最新の通知に戻る
            </Link>
          ) : null}
        </nav>
      ) : null}
    </ApplicantFrame>
  );
}
