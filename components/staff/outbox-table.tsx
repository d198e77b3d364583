// メール送信状況's table: the outbox rows, and 再送する on a failed email unless it carried a
// password that is gone.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { retryEmailAction } from "@/lib/actions/retry-email";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_STATUS_LABELS, emailTemplateLabel } from "@/lib/labels";
import { checkEmailRetry, EMAIL_RETRY_REFUSAL_MESSAGES } from "@/lib/mail/check-email-retry";
import type { EmailListParams } from "@/lib/staff/email-list-params";
import type { EmailListRow } from "@/lib/staff/list-emails";

/** lastError is at most 1000 characters (SMTP answers); the list shows the start of it. */
const ERROR_SHOWN = 160;

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

/** The columns of the outbox; 再送 carries the list's search so the page comes back the same. */
function outboxColumns(params: EmailListParams): DataColumn<EmailListRow>[] {
  return [
    { header: "作成日時", className: "list-table__date", cell: (row) => formatJstDateTime(row.createdAt) },
    { header: "テンプレート", cell: (row) => emailTemplateLabel(row.template) },
    { header: "宛先", className: "list-table__email", cell: (row) => row.toAddress },
    { header: "状態", cell: (row) => EMAIL_STATUS_LABELS[row.status] },
    { header: "試行回数", cell: (row) => row.attempts },
    {
      header: "次回送信予定",
      className: "list-table__date",
      cell: (row) =>
        row.status === "QUEUED" || row.status === "RETRYING" ? formatJstDateTime(row.nextAttemptAt) : "",
    },
    {
      header: "最後のエラー",
      className: "outbox-table__error",
      cell: (row) => (row.lastError ? truncate(row.lastError, ERROR_SHOWN) : ""),
    },
    {
      header: "送信日時",
      className: "list-table__date",
      cell: (row) => (row.sentAt ? formatJstDateTime(row.sentAt) : ""),
    },
    { header: "再送", cell: (row) => <RetryCell row={row} params={params} /> },
  ];
}

export function OutboxTable({ rows, params }: { rows: readonly EmailListRow[]; params: EmailListParams }) {
  return (
    <DataTable
      caption="メール送信状況（新しく作成した順）"
      captionId="outbox-caption"
      className="outbox-table"
      columns={outboxColumns(params)}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}
