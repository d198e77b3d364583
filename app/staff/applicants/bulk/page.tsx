// 申請用ログインID一括発行: the CSV format, the upload form and the recent jobs.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { BulkIssueUploadForm } from "@/components/staff/bulk-issue-upload-form";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { listRecentBulkIssueJobs } from "@/lib/bulk-issue/find-jobs";
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from "@/lib/bulk-issue/upload-rules";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { BULK_ISSUE_STATUS_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "申請用ログインID一括発行" };

const EXAMPLE = ["氏名,メールアドレス", "建設 太郎,taro@example.jp", '"技能 花子",hanako@example.jp'].join(
  "\n",
);
const count = (value: number) => value.toLocaleString("ja-JP");

type BulkIssueJobRow = Awaited<ReturnType<typeof listRecentBulkIssueJobs>>[number];

const columns: DataColumn<BulkIssueJobRow>[] = [
  {
    header: "ファイル名",
    className: "list-table__email",
    cell: (job) => <Link href={`/staff/applicants/bulk/${job.id}`}>{job.fileName}</Link>,
  },
  { header: "読み込み日時", className: "list-table__date", cell: (job) => formatJstDateTime(job.createdAt) },
  { header: "職員", cell: (job) => job.staff.name },
  { header: "状態", cell: (job) => BULK_ISSUE_STATUS_LABELS[job.status] },
  { header: "行数", className: "bulk-issue__number", cell: (job) => count(job.totalRows) },
  { header: "発行", className: "bulk-issue__number", cell: (job) => count(job.issuedCount) },
  { header: "不正", className: "bulk-issue__number", cell: (job) => count(job.invalidCount) },
  { header: "重複", className: "bulk-issue__number", cell: (job) => count(job.duplicateCount) },
];

export default async function BulkIssuePage() {
  const { frame } = await loadStaffPage("/staff/applicants/bulk");
  const jobs = await listRecentBulkIssueJobs();
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請用ログインID一括発行</h1>
      <p>
        技能者の氏名とメールアドレスを1人1行で書いたCSVファイルを読み込むと、行ごとに申請ログインIDと申請用パスワードを発行し、お知らせメールを送ります。
        発行はサーバーで順に進みます。進み具合と行ごとの結果は、読み込んだ後の画面で確認できます。
      </p>

      <h2 className="section-title">CSVファイルの形式</h2>
      <ul className="bulk-issue__rules">
        <li>
          1行目は見出しで、「氏名」と「メールアドレス」の列が必要です。列の順番は自由で、ほかの列は読み飛ばします。
        </li>
        <li>2行目から1人1行で書きます。空の行は読み飛ばします。</li>
        <li>
          文字コードは UTF-8（BOM付き・BOMなし）または Shift_JIS です。Excelで「CSV（コンマ区切り）」や「CSV
          UTF-8（コンマ区切り）」として保存したファイルを、そのまま読み込めます。
        </li>
        <li>
          1つのファイルは{MAX_CSV_BYTES / (1024 * 1024)}MB、{count(MAX_CSV_ROWS)}行までです。
        </li>
      </ul>
      <figure className="bulk-issue__example">
        <figcaption className="bulk-issue__example-caption">例</figcaption>
        <pre className="bulk-issue__example-text">
          <code>{EXAMPLE}</code>
        </pre>
      </figure>

      <h2 className="section-title">発行しない行</h2>
      <ul className="bulk-issue__rules">
        <li>
          氏名とメールアドレスは「申請用ログインID発行」の画面と同じ決まりで確かめます。合わない行は「不正」として、理由を示します。
        </li>
        <li>
          すでに申請ログインIDを発行したメールアドレスの行と、同じファイルの前の行と同じメールアドレスの行は「重複」として、発行しません。同じファイルをもう一度読み込んでも、二重に発行されることはありません。
        </li>
      </ul>

      <BulkIssueUploadForm />

      <h2 className="section-title">最近の一括発行</h2>
      {jobs.length === 0 ? (
        <p>まだ一括発行はありません。</p>
      ) : (
        <DataTable
          caption="最近の一括発行（新しい順、最新20件）"
          columns={columns}
          rows={jobs}
          rowKey={(job) => job.id}
        />
      )}
    </StaffFrame>
  );
}
