// A table of audit entries (監査ログ, and the recent ones on 申請者の詳細).
import Link from "next/link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { auditActionLabel, formatAuditDetails } from "@/lib/audit/audit-labels";
import type { DescribedAuditRow } from "@/lib/audit/describe-audit-entries";
import { formatJstDateTime } from "@/lib/format/date";

export type AuditTableProps = {
  rows: readonly DescribedAuditRow[];
  caption: string;
  /** Unique on the page: names the scrollable region by its caption. */
  captionId: string;
};

const columns: DataColumn<DescribedAuditRow>[] = [
  { header: "日時", className: "list-table__date", cell: (row) => formatJstDateTime(row.at) },
  {
    header: "実行者",
    className: "audit-table__who",
    cell: (row) =>
      row.actorHref ? (
        <Link href={row.actorHref} prefetch={false}>
          {row.actorLabel}
        </Link>
      ) : (
        row.actorLabel
      ),
  },
  {
    header: "操作",
    cell: (row) => {
      const label = auditActionLabel(row.action);
      return (
        <>
          {label ? <span className="audit-table__label">{label}</span> : null}
          <code className="audit-table__code">{row.action}</code>
        </>
      );
    },
  },
  {
    header: "対象",
    className: "audit-table__who",
    cell: (row) =>
      row.targetHref ? (
        <Link href={row.targetHref} prefetch={false}>
          {row.targetLabel}
        </Link>
      ) : (
        row.targetLabel
      ),
  },
  { header: "IP", className: "list-table__code", cell: (row) => row.ip ?? "" },
  {
    header: "詳細",
    cell: (row) =>
      row.details === null || row.details === undefined ? null : (
        <code className="audit-table__details">{formatAuditDetails(row.details)}</code>
      ),
  },
];

export function AuditTable({ rows, caption, captionId }: AuditTableProps) {
  return (
    <DataTable
      caption={caption}
      captionId={captionId}
      className="audit-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id.toString()}
    />
  );
}
