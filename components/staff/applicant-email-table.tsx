// The latest emails to one applicant (申請者の詳細), newest first.
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_STATUS_LABELS, emailTemplateLabel } from "@/lib/labels";
import type { ApplicantDetail } from "@/lib/staff/find-applicant-detail";

type ApplicantEmail = ApplicantDetail["emails"][number];

const columns: DataColumn<ApplicantEmail>[] = [
  { header: "作成日時", className: "list-table__date", cell: (email) => formatJstDateTime(email.createdAt) },
  { header: "テンプレート", cell: (email) => emailTemplateLabel(email.template) },
  { header: "状態", cell: (email) => EMAIL_STATUS_LABELS[email.status] },
  { header: "試行回数", cell: (email) => email.attempts },
  {
    header: "最後のエラー",
    className: "outbox-table__error",
    cell: (email) => email.lastError?.slice(0, 160) ?? "",
  },
  {
    header: "送信日時",
    className: "list-table__date",
    cell: (email) => (email.sentAt ? formatJstDateTime(email.sentAt) : ""),
  },
];

export function ApplicantEmailTable({ emails }: { emails: readonly ApplicantEmail[] }) {
  if (emails.length === 0) return <p>メールはありません。</p>;
  return (
    <DataTable
      caption={<>この申請者へのメール（新しい順、最新{emails.length}件）</>}
      captionId="applicant-emails-caption"
      columns={columns}
      rows={emails}
      rowKey={(email) => email.id}
    />
  );
}
