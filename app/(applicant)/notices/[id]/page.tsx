// One 通知: opening it marks it read. Someone else's notice is "not found", like a missing one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ButtonLink } from "@/components/ui/button";
import type { NoticeKind } from "@/lib/generated/prisma/client";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatJstDateTime } from "@/lib/format/date";
import { openNotice } from "@/lib/notices/notices";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { NoticeBody } from "@/components/notices/notice-body";
import { NoticeTitle } from "@/components/notices/notice-title";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.notices");
  return { title: withoutRuby(t("title")) };
}

/** The related page's link, by kind (review.notices.links). */
const relatedLinks: Record<NoticeKind, "related" | "application" | "correction" | "payment"> = {
  PASSWORD_CHANGED: "related",
  APPLICATION_RECEIVED: "application",
  APPLICATION_RESUBMITTED: "application",
  APPLICATION_RETURNED: "correction",
  REGISTRATION_COMPLETED: "related",
  PAYMENT_CODE_ISSUED: "payment",
  PAYMENT_REMINDER: "payment",
  PAYMENT_COMPLETED: "payment",
  PAYMENT_EXPIRED: "payment",
  PAYMENT_REFUNDED: "payment",
  APPLICATION_WITHDRAWN: "application",
};

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  // The menu's unread count is taken after opening, so it already leaves this notice out.
  const { applicant, frame } = await loadApplicantPage("/notices", { countUnreadNotices: false });
  const { id } = await params;
  const notice = await openNotice(applicant.id, id);
  if (!notice) notFound();
  const unreadNotices = notice.unreadAfter;
  const t = await getTranslations("review.notices");
  const locale = await getLocale();
  // Only a page of this portal is ever linked ("//host" or "/\host" would leave it).
  const linkPath = notice.linkPath && /^\/(?![/\\])/.test(notice.linkPath) ? notice.linkPath : null;

  return (
    <ApplicantFrame {...frame} currentPath={`/notices/${notice.id}`} unreadNotices={unreadNotices}>
      <h1 className="page-title">
        <NoticeTitle title={notice.title} locale={locale} />
      </h1>
      <p className="notice-detail__date">
        {withRuby(t("date"))}
        <time dateTime={notice.createdAt.toISOString()}>{formatJstDateTime(notice.createdAt)}</time>
      </p>
      <div className="notice-detail__body">
        <NoticeBody body={notice.body} message={notice.message} locale={locale} />
      </div>
      {linkPath ? (
        <p>
          <Link href={linkPath}>{withRuby(t(`links.${relatedLinks[notice.kind]}`))}</Link>
        </p>
      ) : null}
      <p>
        <ButtonLink href="/notices" variant="secondary">
          {withRuby(t("back"))}
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
