// 一括発行の状況: the progress of one bulk issuance job and, once it has ended, the rows that were
// not issued and the result CSV.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { BulkIssueProgressView } from "@/components/staff/bulk-issue-progress";
import { Notice } from "@/components/ui/notice";
import { findBulkIssueJob, listUnissuedRows, toBulkIssueProgress } from "@/lib/bulk-issue/find-jobs";
import { bulkIssueOutcomeLabels } from "@/lib/bulk-issue/upload-rules";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";

export const metadata: Metadata = { title: "一括発行の状況" };

const SHOWN_ROWS = 100;
const encodingLabels: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8（BOM付き）",
  shift_jis: "Shift_JIS",
};

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
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>ファイル名</dt>
          <dd className="list-table__email">{job.fileName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>読み込み日時</dt>
          <dd>{formatJstDateTime(job.createdAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>職員</dt>
          <dd>{job.staff.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>文字コード</dt>
          <dd>{encodingLabels[job.encoding] ?? job.encoding}</dd>
        </div>
      </dl>

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
              <div className="table-wrapper">
                <table className="table">
                  <caption className="visually-hidden">発行しなかった行（行の順）</caption>
                  <thead>
                    <tr>
                      <th scope="col">行</th>
                      <th scope="col">氏名</th>
                      <th scope="col">メールアドレス</th>
                      <th scope="col">結果</th>
                      <th scope="col">理由</th>
                    </tr>
                  </thead>
                  <tbody>
                    {unissued.map((row) => (
                      <tr key={row.lineNumber}>
                        <td className="bulk-issue__number">{row.lineNumber}</td>
                        <td>{row.name}</td>
                        <td className="list-table__email">{row.email}</td>
                        <td>{row.outcome ? bulkIssueOutcomeLabels[row.outcome] : ""}</td>
                        <td>{row.reason ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
