// 一括発行の状況: the progress of one bulk issuance job and, once it has ended, the rows that were
// not issued and the result CSV.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { BulkIssueProgressView } from "@/components/staff/bulk-issue-progress";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { findBulkIssueJob, listUnissuedRows, toBulkIssueProgress } from "@/lib/bulk-issue/find-jobs";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { BULK_ISSUE_OUTCOME_LABELS, CSV_ENCODING_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "一括発行の状況" };

const SHOWN_ROWS = 100;

type UnissuedRow = Awaited<ReturnType<typeof listUnissuedRows>>[number];

const unissuedColumns: DataColumn<UnissuedRow>[] = [
  { header: "行", className: "bulk-issue__number", cell: (row) => row.lineNumber },
  { header: "氏名", cell: (row) => row.name },
  { header: "メールアドレス", className: "list-table__email", cell: (row) => row.email },
  { header: "結果", cell: (row) => (row.outcome ? BULK_ISSUE_OUTCOME_LABELS[row.outcome] : "") },
  { header: "理由", cell: (row) => row.reason ?? "" },
];

export default async function BulkIssueJobPage({ params }: PageProps<"/staff/applicants/bulk/[jobId]">) {
  const { frame } = await loadStaffPage("/staff/applicants/bulk");
  const { jobId } = await params;
  const job = await findBulkIssueJob(jobId);
  if (!job) notFound();
  const progress = toBulkIssueProgress(job);
  const unissued = progress.isRunning ? [] : await listUnissuedRows(job.id, SHOWN_ROWS);
  const unissuedTotal = job.invalidCount + job.duplicateCount;

  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">一括発行の状況</h1>
      <SummaryList>
        <SummaryRow term="ファイル名" valueClassName="list-table__email">
          {job.fileName}
        </SummaryRow>
        <SummaryRow term="読み込み日時">{formatJstDateTime(job.createdAt)}</SummaryRow>
        <SummaryRow term="職員">{job.staff.name}</SummaryRow>
        <SummaryRow term="文字コード">{CSV_ENCODING_LABELS[job.encoding] ?? job.encoding}</SummaryRow>
      </SummaryList>

      <BulkIssueProgressView jobId={job.id} initial={progress} />

      {job.status === "FAILED" ? (
        <Notice tone="error" title="処理が途中で止まりました">
          <p>
            システムエラーのため、すべての行を処理できませんでした。処理済みの行の結果はCSVで確認できます。
            同じファイルをもう一度読み込むと、発行済みの行は「重複」となり、残りの行を発行します。
          </p>
        </Notice>
      ) : null}

      {progress.isRunning ? null : (
        <>
          <h2 className="section-title">結果</h2>
          <p>
            <a href={`/staff/applicants/bulk/${job.id}/result`} download>
              結果をCSVでダウンロード
            </a>
            （すべての行の結果と、発行した申請ログインID。パスワードは含みません）
          </p>
          <h3 className="bulk-issue__subtitle">発行しなかった行</h3>
          {unissuedTotal === 0 ? (
            <p>発行しなかった行はありません。</p>
          ) : (
            <>
              {unissuedTotal > unissued.length ? (
                <p>
                  {unissuedTotal.toLocaleString("ja-JP")}行のうち、はじめの{unissued.length}
                  行を表示しています。すべての行はCSVで確認できます。
                </p>
              ) : null}
              <DataTable
                caption="発行しなかった行（行の順）"
                columns={unissuedColumns}
                rows={unissued}
                rowKey={(row) => String(row.lineNumber)}
              />
            </>
          )}
        </>
      )}
      <p>
        <Link href="/staff/applicants/bulk">一括発行の画面に戻る</Link>
      </p>
    </StaffFrame>
  );
}
