// 通知: the applicant's notices, newest first, 20 a page; unread ones carry a 「未読」 badge.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatJstDateTime } from "@/lib/format/date";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { NoticeTitle } from "@/components/notices/notice-title";
import { listNotices, NOTICES_PER_PAGE } from "@/lib/notices/notices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.notices");
  return { title: withoutRuby(t("title")) };
}

export default async function NoticesPage({ searchParams }: PageProps<"/notices">) {
  const { applicant, frame } = await loadApplicantPage("/notices");
  const { before } = await searchParams;
  const cursor = typeof before === "string" && before !== "" ? before : undefined;
  const { notices, nextCursor } = await listNotices(applicant.id, { before: cursor });
  const t = await getTranslations("review.notices");
  const locale = await getLocale();

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      {notices.length === 0 ? (
        <p>{withRuby(t("empty"))}</p>
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
                      <span className="badge badge--unread">{withRuby(t("unread"))}</span>{" "}
                    </>
                  ) : null}
                  <NoticeTitle title={notice.title} locale={locale} />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor || cursor ? (
        <nav className="notice-pager" aria-label={withoutRuby(t("pager"))}>
          {nextCursor ? (
            <Link href={`/notices?before=${encodeURIComponent(nextCursor)}`} prefetch={false}>
              {withRuby(t("next", { count: NOTICES_PER_PAGE }))}
            </Link>
          ) : null}
          {cursor ? (
            <Link href="/notices" prefetch={false}>
              {withRuby(t("latest"))}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </ApplicantFrame>
  );
}
