// 払込票の発送: the slips waiting to be mailed (発送準備中), each with the address from the
// application's 本人情報 and 「発送済みにする」, and a CSV of 申請番号 to mark many at once.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { SlipCsvUploadForm } from "@/components/staff/slip-csv-upload-form";
import { Button } from "@/components/ui/button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { formatYen } from "@/lib/fees";
import { markSlipSentAction } from "@/lib/actions/mark-slip-sent";
import { listSlipsToSend, SLIP_LIST_LIMIT, type SlipToSend } from "@/lib/payments/slips";
import { SLIP_STATUS_LABELS } from "@/lib/payments/labels";
import { isSlipMarkOutcome, SLIP_MARK_OUTCOME_LABELS, SLIPS_PATH } from "@/lib/payments/slip-rules";

export const metadata: Metadata = { title: "払込票の発送" };

const columns: DataColumn<SlipToSend>[] = [
  {
    header: "申請番号",
    className: "list-table__code",
    isRowHeader: true,
    cell: (row) => (
      <Link href={`/staff/applications/${row.applicationId}`} prefetch={false}>
        {row.applicationNumber}
      </Link>
    ),
  },
  { header: "氏名", cell: (row) => row.name },
  {
    header: "送付先住所",
    cell: (row) =>
      row.addressLines.length > 0 ? (
        <>
          {row.addressLines.map((line, index) => (
            <span key={index} className="slip-address__line">
              {index > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </>
      ) : (
        "（住所の入力なし）"
      ),
  },
  {
    header: "金額（税込）",
    cell: (row) => `${formatYen(row.amount)}（うち手数料 ${formatYen(row.handlingFee)}）`,
  },
  { header: "状態", cell: () => SLIP_STATUS_LABELS.preparing },
  {
    header: "支払期限",
    className: "list-table__date",
    cell: (row) => (row.expiresAt ? formatJstDateTime(row.expiresAt) : ""),
  },
  {
    header: "操作",
    cell: (row) => (
      <form action={markSlipSentAction}>
        <input type="hidden" name="applicationNumber" value={row.applicationNumber} />
        <Button
          type="submit"
          variant="secondary"
          aria-label={`発送済みにする（申請番号 ${row.applicationNumber}）`}
        >
          発送済みにする
        </Button>
      </form>
    ),
  },
];

export default async function SlipsPage({ searchParams }: PageProps<"/staff/payments/slips">) {
  const { frame } = await loadStaffPage(SLIPS_PATH);
  const { result, number } = await searchParams;
  const slips = await listSlipsToSend();
  const outcome = isSlipMarkOutcome(result) ? result : null;
  const shownNumber = typeof number === "string" ? number.slice(0, 40) : "";
  return (
    <StaffFrame {...frame}>
      <p>
        <Link href="/staff/payments">お支払いの照合に戻る</Link>
      </p>
      <h1 className="page-title">払込票の発送</h1>
      {outcome ? (
        <Notice
          tone={outcome === "marked" ? "success" : outcome === "already-sent" ? "info" : "error"}
          role={outcome === "marked" || outcome === "already-sent" ? "status" : "alert"}
        >
          <p>
            申請番号 {shownNumber}：{SLIP_MARK_OUTCOME_LABELS[outcome]}
          </p>
        </Notice>
      ) : null}

      <h2 className="section-title">発送を待っている払込票</h2>
      <p>
        払込票を申請者の住所（申請内容の本人情報）に郵送したら、「発送済みにする」を押してください。申請者の画面の表示が「
        {SLIP_STATUS_LABELS.preparing}」から「{SLIP_STATUS_LABELS.sent}」に変わります。
      </p>
      {slips.length === 0 ? (
        <p className="list-summary">発送を待っている払込票はありません。</p>
      ) : (
        <>
          <p className="list-summary">
            {slips.length}件（依頼の古い順）
            {slips.length >= SLIP_LIST_LIMIT ? `。先頭の${SLIP_LIST_LIMIT}件を表示しています。` : ""}
          </p>
          <DataTable
            caption="発送を待っている払込票（依頼の古い順）"
            columns={columns}
            rows={slips}
            rowKey={(row) => row.paymentId}
          />
        </>
      )}

      <section aria-labelledby="slip-csv-title">
        <h2 className="section-title" id="slip-csv-title">
          CSVでまとめて発送済みにする
        </h2>
        <SlipCsvUploadForm />
      </section>
    </StaffFrame>
  );
}
