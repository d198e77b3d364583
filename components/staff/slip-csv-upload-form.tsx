"use client";
// 払込票の発送: a CSV of 申請番号 marks those slips 発送済み; what happened to each row is listed
// under the form. Without JavaScript the form posts to the same action and comes back the same way.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { uploadSlipCsvAction, type SlipCsvState } from "@/lib/actions/upload-slip-csv";
import {
  SLIP_CSV_COLUMN,
  SLIP_CSV_FIELD,
  SLIP_MARK_OUTCOME_LABELS,
  type SlipMarkResult,
} from "@/lib/payments/slip-rules";

const HINT = `1行目が「${SLIP_CSV_COLUMN}」の見出しで、2行目から1件1行で申請番号を入力したCSVファイル（UTF-8 または Shift_JIS）。同じファイルをもう一度読み込んでも、発送済みの払込票は変わりません。`;

const initialState: SlipCsvState = { status: "idle" };

export function SlipCsvUploadForm() {
  const [state, formAction, isPending] = useActionState(uploadSlipCsvAction, initialState);
  const error = state.fieldErrors?.[SLIP_CSV_FIELD]?.[0];
  const results = state.results ?? [];
  const markedCount = results.filter((row) => row.outcome === "marked").length;
  return (
    <>
      <form action={formAction} className="form" noValidate>
        <ErrorSummary
          errors={error ? [{ fieldId: SLIP_CSV_FIELD, message: error }] : []}
          focusKey={state.submittedAt}
        />
        <FieldFrame id={SLIP_CSV_FIELD} label="CSVファイル" required hint={HINT} error={error}>
          <input
            id={SLIP_CSV_FIELD}
            name={SLIP_CSV_FIELD}
            type="file"
            accept=".csv,text/csv"
            required
            disabled={isPending}
            aria-invalid={error ? true : undefined}
            aria-describedby={fieldDescribedBy(SLIP_CSV_FIELD, HINT, error, undefined)}
            className={error ? "file-input file-input--error" : "file-input"}
          />
        </FieldFrame>
        <div className="form__actions">
          <Button type="submit" disabled={isPending}>
            CSVを読み込んで発送済みにする
          </Button>
        </div>
      </form>
      {results.length > 0 ? (
        <section aria-labelledby="slip-csv-result-title">
          <h3 className="section-title" id="slip-csv-result-title">
            読み込みの結果
          </h3>
          <p role="status">
            {results.length}行を読み込み、{markedCount}件を発送済みにしました。
          </p>
          <DataTable<SlipMarkResult>
            caption="読み込みの結果（行ごと）"
            columns={[
              { header: "行", cell: (row) => row.lineNumber },
              { header: "申請番号", className: "list-table__code", cell: (row) => row.applicationNumber },
              { header: "結果", cell: (row) => SLIP_MARK_OUTCOME_LABELS[row.outcome] },
            ]}
            rows={results}
            rowKey={(row) => String(row.lineNumber)}
          />
        </section>
      ) : null}
    </>
  );
}
