// お支払いの照合: one Japanese day's payments — how many and how much by method, paid and
// refunded — and the day's CSV for the accounts team; the way to 払込票の発送.
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { StaffFrame } from "@/components/layout/staff-frame";
import { Button } from "@/components/ui/button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { now } from "@/lib/clock";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatYen } from "@/lib/fees";
import { toJstParts } from "@/lib/format/date";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/labels";
import {
  buildReconciliationReport,
  isCalendarDate,
  PAYMENT_METHODS,
  type MethodTotals,
} from "@/lib/payments/reconciliation-report";
import { SLIPS_PATH } from "@/lib/payments/slip-rules";
import { firstValue } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "お支払いの照合" };

const PATH = "/staff/payments";
const DATE_FIELD = "date";
const DATE_HINT = "日本時間の1日分（0時0分から23時59分まで）に支払われたもの、返金したものを集計します。";
const DATE_ERROR = "日付を、カレンダーにある日で入力してください（例：2026-12-07）。";

function todayInJapan(): string {
  const p = toJstParts(now());
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

type TotalsRow = { label: string; totals: MethodTotals };

const columns: DataColumn<TotalsRow>[] = [
  { header: "支払方法", isRowHeader: true, cell: (row) => row.label },
  { header: "支払い件数", cell: (row) => `${row.totals.paidCount}件` },
  { header: "支払い金額", cell: (row) => formatYen(row.totals.paidAmount) },
  { header: "返金件数", cell: (row) => `${row.totals.refundedCount}件` },
  { header: "返金金額", cell: (row) => formatYen(row.totals.refundedAmount) },
];

export default async function PaymentsPage({ searchParams }: PageProps<"/staff/payments">) {
  const { frame } = await loadStaffPage(PATH);
  const raw = firstValue.parse((await searchParams)[DATE_FIELD]);
  const typed = typeof raw === "string" ? raw.trim().slice(0, 20) : undefined;
  const date = typed === undefined || typed === "" ? todayInJapan() : typed;
  const error = isCalendarDate(date) ? undefined : DATE_ERROR;
  const report = error ? null : await buildReconciliationReport(date);
  const rows: TotalsRow[] = report
    ? [
        ...PAYMENT_METHODS.map((method) => ({
          label: PAYMENT_METHOD_LABELS[method],
          totals: report.byMethod[method],
        })),
        { label: "合計", totals: report.total },
      ]
    : [];
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">お支払いの照合</h1>
      <p>
        払込票の郵送は<Link href={SLIPS_PATH}>払込票の発送</Link>で記録します。
      </p>
      <form method="get" action={PATH} className="form" aria-label="集計する日">
        <ErrorSummary errors={error ? [{ fieldId: DATE_FIELD, message: error }] : []} />
        <FieldFrame id={DATE_FIELD} label="日付" required hint={DATE_HINT} error={error}>
          <input
            id={DATE_FIELD}
            name={DATE_FIELD}
            type="date"
            required
            defaultValue={date}
            aria-invalid={error ? true : undefined}
            aria-describedby={fieldDescribedBy(DATE_FIELD, DATE_HINT, error, undefined)}
            className={error ? "input input--error input--medium" : "input input--medium"}
          />
        </FieldFrame>
        <div className="form__actions">
          <Button type="submit">表示する</Button>
        </div>
      </form>
      {report ? (
        <section aria-labelledby="totals-title">
          <h2 className="section-title" id="totals-title">
            支払方法ごとの集計
          </h2>
          <DataTable
            caption={`${date.replaceAll("-", "/")}の支払方法ごとの件数と金額`}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.label}
          />
          <p>
            <a href={`${PATH}/reconciliation.csv?${new URLSearchParams({ date }).toString()}`} download>
              {date.replaceAll("-", "/")}の明細をCSVでダウンロード
            </a>
          </p>
        </section>
      ) : null}
    </StaffFrame>
  );
}
