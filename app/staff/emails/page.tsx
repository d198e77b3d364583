// メール送信状況: the outbox, newest first, filtered by 状態 and searched by 宛先, 50 per page.
// A failed email can be queued again (再送する) unless it carried a password that is gone.
import type { Metadata } from "next";
import { StaffFrame } from "@/components/layout/staff-frame";
import { OutboxTable } from "@/components/staff/outbox-table";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { StaffListSearch } from "@/components/staff/staff-list-search";
import { Notice } from "@/components/ui/notice";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { EMAIL_RETRY_REFUSAL_MESSAGES, type EmailRetryRefusal } from "@/lib/mail/check-email-retry";
import {
  EMAIL_LIST_STATUSES,
  EMAIL_LIST_STATUS_LABELS,
  parseEmailListParams,
} from "@/lib/staff/email-list-params";
import { listEmails } from "@/lib/staff/list-emails";
import { STAFF_LIST_PAGE_SIZE, STAFF_LIST_QUERY_MAX, staffListHref } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "メール送信状況" };

const PATH = "/staff/emails";

const statusOptions = EMAIL_LIST_STATUSES.map((value) => ({ value, label: EMAIL_LIST_STATUS_LABELS[value] }));

function RetryNotice({ flag }: { flag: string | undefined }) {
  if (flag === "ok") {
    return (
      <Notice tone="success" title="再送を受け付けました" role="status">
        <p>メールの状態を「送信待ち」に戻しました。メールは順番に送信されます。</p>
      </Notice>
    );
  }
  const message =
    flag === "not-found"
      ? "そのメールは見つかりませんでした。"
      : flag && Object.hasOwn(EMAIL_RETRY_REFUSAL_MESSAGES, flag)
        ? EMAIL_RETRY_REFUSAL_MESSAGES[flag as EmailRetryRefusal]
        : null;
  if (!message) return null;
  return (
    <Notice tone="error" title="再送できませんでした" role="status">
      <p>{message}</p>
    </Notice>
  );
}

export default async function EmailStatusPage({ searchParams }: PageProps<"/staff/emails">) {
  const { frame } = await loadStaffPage(PATH);
  const raw = await searchParams;
  const params = parseEmailListParams(raw);
  const retried = typeof raw.retried === "string" ? raw.retried : undefined;
  const page = await listEmails(params);
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">メール送信状況</h1>
      <RetryNotice flag={retried} />
      <StaffListSearch
        action={PATH}
        label="メールの検索"
        query={params.q}
        queryHint="宛先のメールアドレスのうち、先頭が一致するものを探します（大文字と小文字は区別しません）。"
        status={params.status}
        statusOptions={statusOptions}
        queryMaxLength={STAFF_LIST_QUERY_MAX}
      />
      {page.rows.length === 0 ? (
        <p className="list-summary">該当するメールはありません。</p>
      ) : (
        <>
          <p className="list-summary">
            {page.rows.length}件を表示しています。{page.nextCursor ? "次のページがあります。" : null}
          </p>
          <OutboxTable rows={page.rows} params={params} />
        </>
      )}
      <StaffListPager
        page={page}
        hrefFor={(cursor) => staffListHref(PATH, { ...params, cursor })}
        pageSize={STAFF_LIST_PAGE_SIZE}
      />
    </StaffFrame>
  );
}
