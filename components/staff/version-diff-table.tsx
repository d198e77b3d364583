// What changed between two sent versions of an application (the review page), one answer a row.
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { VERSION_CHANGE_KIND_LABELS } from "@/lib/labels";
import type { VersionChange } from "@/lib/review/version-diff";

const columns: DataColumn<VersionChange>[] = [
  {
    header: "項目",
    isRowHeader: true,
    cell: (change) => (
      <>
        {change.sectionTitle}：{change.label}
      </>
    ),
  },
  {
    header: "変更の種類",
    cell: (change) => (
      <>
        {VERSION_CHANGE_KIND_LABELS[change.kind]}
        {change.imageChanged ? "（画像を差し替え）" : ""}
      </>
    ),
  },
  { header: "変更前", cell: (change) => change.before ?? "" },
  { header: "変更後", cell: (change) => change.after ?? "" },
];

export function VersionDiffTable({
  previousVersion,
  changes,
}: {
  previousVersion: number;
  changes: readonly VersionChange[];
}) {
  if (changes.length === 0) return <p>第{previousVersion}版から変わった項目はありません。</p>;
  return (
    <DataTable
      caption={<>第{previousVersion}版からの変更</>}
      columns={columns}
      rows={changes}
      rowKey={(change) => `${change.sectionKey}:${change.itemId}`}
    />
  );
}
