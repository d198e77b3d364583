// メール送信状況: the outbox, newest first, filtered by 状態 and searched by 宛先, 50 per page.
// A failed email can be queued again (再送する) unless it carried a password that is gone.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { StaffListSearch } from "@/components/staff/staff-list-search";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { retryEmailAction } from "@/lib/actions/retry-email";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { emailStatusLabels } from "@/lib/format/email-status";
import { emailTemplateLabel } from "@/lib/format/email-template";
import {
  checkEmailRetry,
  EMAIL_RETRY_REFUSAL_MESSAGES,
  type EmailRetryRefusal,
} from "@/lib/mail/check-email-retry";
import {
  EMAIL_LIST_STATUSES,
  EMAIL_LIST_STATUS_LABELS,
  parseEmailListParams,
  type EmailListParams,
} from "@/lib/staff/email-list-params";
import { listEmails, type EmailListRow } from "@/lib/staff/list-emails";
import { STAFF_LIST_PAGE_SIZE, STAFF_LIST_QUERY_MAX, staffListHref } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "メール送信状況" };

const PATH = "/staff/emails";
/** lastError is at most 1000 characters (SMTP answers); the list shows the start of it. */
const ERROR_SHOWN = 160;

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

function truncate(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length > length ? `${chars.slice(0, length).join("")}…` : text;
}

function RetryCell({ row, params }: { row: EmailListRow; params: EmailListParams }) {
  if (row.status !== "FAILED") return null;
  const check = checkEmailRetry({
    status: row.status,
    template: row.template,
    payload: row.failedPayload,
    hasSecret: row.hasSecret,
  });
  if (!check.canRetry) {
    return (
      <p className="outbox-retry__note">
        {EMAIL_RETRY_REFUSAL_MESSAGES[check.reason]}
        {check.reason === "password-erased" && row.applicantId ? (
          <>
            {" "}
            <Link href={`/staff/applicants/${row.applicantId}`} prefetch={false}>
              申請者の詳細へ
              <span className="visually-hidden">（{row.toAddress}）</span>
            </Link>
          </>
        ) : null}
      </p>
    );
  }
  return (
    <form action={retryEmailAction}>
      <input type="hidden" name="emailId" value={row.id} />
      <input type="hidden" name="q" value={params.q} />
      <input type="hidden" name="status" value={params.status} />
      {params.cursor ? <input type="hidden" name="cursor" value={params.cursor} /> : null}
      <Button type="submit" variant="secondary">
        再送する
        <span className="visually-hidden">
          （{row.toAddress}あて、{emailTemplateLabel(row.template)}、{formatJstDateTime(row.createdAt)}作成）
        </span>
      </Button>
    </form>
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
          <div className="table-wrapper" role="region" aria-labelledby="outbox-caption" tabIndex={0}>
            <table className="table outbox-table">
              <caption id="outbox-caption" className="visually-hidden">
                メール送信状況（新しく作成した順）
              </caption>
              <thead>
                <tr>
                  <th scope="col">作成日時</th>
                  <th scope="col">テンプレート</th>
                  <th scope="col">宛先</th>
                  <th scope="col">状態</th>
                  <th scope="col">試行回数</th>
                  <th scope="col">次回送信予定</th>
                  <th scope="col">最後のエラー</th>
                  <th scope="col">送信日時</th>
                  <th scope="col">再送</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="list-table__date">{formatJstDateTime(row.createdAt)}</td>
                    <td>{emailTemplateLabel(row.template)}</td>
                    <td className="list-table__email">{row.toAddress}</td>
                    <td>{emailStatusLabels[row.status]}</td>
                    <td>{row.attempts}</td>
                    <td className="list-table__date">
                      {row.status === "QUEUED" || row.status === "RETRYING"
                        ? formatJstDateTime(row.nextAttemptAt)
                        : ""}
                    </td>
                    <td className="outbox-table__error">
                      {row.lastError ? truncate(row.lastError, ERROR_SHOWN) : ""}
                    </td>
                    <td className="list-table__date">{row.sentAt ? formatJstDateTime(row.sentAt) : ""}</td>
                    <td>
                      <RetryCell row={row} params={params} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
