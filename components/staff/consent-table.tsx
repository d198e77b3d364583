// 同意の記録: which documents (and which version of each) an applicant agreed to, when, from where.
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { formatJstDateTime } from "@/lib/format/date";
import { CONSENT_KIND_LABELS } from "@/lib/labels";
import type { ApplicationForReview } from "@/lib/review/find-review";

type ConsentRecord = ApplicationForReview["applicant"]["consents"][number];

const columns: DataColumn<ConsentRecord>[] = [
  { header: "同意した文書", cell: (consent) => consent.document.title || CONSENT_KIND_LABELS[consent.kind] },
  { header: "版", cell: (consent) => <>第{consent.version}版</> },
  { header: "同意日時", cell: (consent) => formatJstDateTime(consent.consentedAt) },
  { header: "IPアドレス", cell: (consent) => consent.ip ?? "記録なし" },
];

export function ConsentTable({ consents }: { consents: readonly ConsentRecord[] }) {
  if (consents.length === 0) return <p>同意の記録はありません。</p>;
  return (
    <DataTable caption="同意の記録" columns={columns} rows={consents} rowKey={(consent) => consent.id} />
  );
}
