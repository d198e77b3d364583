// A table of audit entries (監査ログ, and the recent ones on 申請者の詳細).
import Link from "next/link";
import { auditActionLabel, formatAuditDetails } from "@/lib/audit/audit-labels";
import type { DescribedAuditRow } from "@/lib/audit/describe-audit-entries";
import { formatJstDateTime } from "@/lib/format/date";

export type AuditTableProps = {
  rows: readonly DescribedAuditRow[];
  caption: string;
  /** Unique on the page: names the scrollable region by its caption. */
  captionId: string;
};

export function AuditTable({ rows, caption, captionId }: AuditTableProps) {
  return (
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table audit-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">実行者</th>
            <th scope="col">操作</th>
            <th scope="col">対象</th>
            <th scope="col">IP</th>
            <th scope="col">詳細</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = auditActionLabel(row.action);
            return (
              <tr key={row.id.toString()}>
                <td className="list-table__date">{formatJstDateTime(row.at)}</td>
                <td className="audit-table__who">
                  {row.actorHref ? (
                    <Link href={row.actorHref} prefetch={false}>
                      {row.actorLabel}
                    </Link>
                  ) : (
                    row.actorLabel
                  )}
                </td>
                <td>
                  {label ? <span className="audit-table__label">{label}</span> : null}
                  <code className="audit-table__code">{row.action}</code>
                </td>
                <td className="audit-table__who">
                  {row.targetHref ? (
                    <Link href={row.targetHref} prefetch={false}>
                      {row.targetLabel}
                    </Link>
                  ) : (
                    row.targetLabel
                  )}
                </td>
                <td className="list-table__code">{row.ip ?? ""}</td>
                <td>
                  {row.details === null || row.details === undefined ? null : (
                    <code className="audit-table__details">{formatAuditDetails(row.details)}</code>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
