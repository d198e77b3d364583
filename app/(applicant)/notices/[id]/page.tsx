// One 通知: opening it marks it read. Someone else's notice is "not found", like a missing one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ButtonLink } from "@/components/ui/button";
import type { NoticeKind } from "@/lib/generated/prisma/client";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatJstDateTime } from "@/lib/format/date";
import { openNotice } from "@/lib/notices/notices";

export const metadata: Metadata = { title: "通知" };

const relatedLinkLabels: Record<NoticeKind, string> = {
  PASSWORD_CHANGED: "関連する画面を開く",
  APPLICATION_RECEIVED: "申請の受付内容を見る",
  APPLICATION_RESUBMITTED: "申請の受付内容を見る",
  APPLICATION_RETURNED: "「20_申請の修正」を開く",
  REGISTRATION_COMPLETED: "関連する画面を開く",
  PAYMENT_CODE_ISSUED: "「登録料のお支払い」を開く",
  PAYMENT_REMINDER: "「登録料のお支払い」を開く",
  PAYMENT_COMPLETED: "「登録料のお支払い」を開く",
  PAYMENT_EXPIRED: "「登録料のお支払い」を開く",
  PAYMENT_REFUNDED: "「登録料のお支払い」を開く",
  APPLICATION_WITHDRAWN: "申請の受付内容を見る",
};

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  // The menu's unread count is taken after opening, so it already leaves this notice out.
  const { applicant, frame } = await loadApplicantPage("/notices", { countUnreadNotices: false });
  const { id } = await params;
  const notice = await openNotice(applicant.id, id);
  if (!notice) notFound();
  const unreadNotices = notice.unreadAfter;
  const paragraphs = notice.body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== "");
  // Only a page of this portal is ever linked ("//host" or "/\host" would leave it).
  const linkPath = notice.linkPath && /^\/(?![/\\])/.test(notice.linkPath) ? notice.linkPath : null;

  return (
    <ApplicantFrame {...frame} currentPath={`/notices/${notice.id}`} unreadNotices={unreadNotices}>
      <h1 className="page-title">{notice.title}</h1>
      <p className="notice-detail__date">
        通知日時：
        <time dateTime={notice.createdAt.toISOString()}>{formatJstDateTime(notice.createdAt)}</time>
      </p>
      <div className="notice-detail__body">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {linkPath ? (
        <p>
          <Link href={linkPath}>{relatedLinkLabels[notice.kind]}</Link>
        </p>
      ) : null}
      <p>
        <ButtonLink href="/notices" variant="secondary">
          通知の一覧に戻る
        </ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
