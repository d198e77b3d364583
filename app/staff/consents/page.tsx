// 同意記録の出力 (administrators only): the consent records as CSV, optionally for a range of 同意日
// (Japan time). The form POSTs to the CSV route (an export is audited, so a GET must not start
// one); a filter it cannot use comes back here with the reason.
import type { Metadata } from "next";
import { ErrorSummary } from "@/components/form/error-summary";
import { StaffFrame } from "@/components/layout/staff-frame";
import { DateRangeFields } from "@/components/staff/date-range-fields";
import { Button } from "@/components/ui/button";
import { CONSENT_FILTER_LABELS, parseConsentExportFilter } from "@/lib/consents/consent-export-filter";
import { CONSENT_CSV_COLUMNS } from "@/lib/consents/consent-csv";
import { loadAdminPage } from "@/lib/dal/staff-page";

export const metadata: Metadata = { title: "同意記録の出力" };

const ID_PREFIX = "consent-";

export default async function ConsentExportPage({ searchParams }: PageProps<"/staff/consents">) {
  const { frame } = await loadAdminPage("/staff/consents");
  const raw = await searchParams;
  const filter = parseConsentExportFilter({ from: raw.from, to: raw.to });
  const summary = (["from", "to"] as const).flatMap((key) => {
    const message = filter.errors[key];
    return message ? [{ fieldId: `${ID_PREFIX}${key}`, message }] : [];
  });
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">同意記録の出力</h1>
      <ErrorSummary errors={summary} />
      <p>
        申請者が同意した同意書（個人情報の取り扱い等の同意、システム利用規約）の記録を、CSVファイル（UTF-8、BOM付き）でダウンロードします。
      </p>
      <p>
        列：{CONSENT_CSV_COLUMNS.join("、")}
        。同意日時は日本時間です。並び順は申請ログインIDを発行した順、同じ申請者の中では同意した順です。
      </p>
      <form method="post" action="/staff/consents/export" className="form" noValidate>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            <span className="field__label">同意日で絞り込む</span>
          </legend>
          <DateRangeFields
            idPrefix={ID_PREFIX}
            labels={CONSENT_FILTER_LABELS}
            values={filter.values}
            errors={filter.errors}
          />
        </fieldset>
        <div className="form__actions">
          <Button type="submit">同意記録をCSVでダウンロード</Button>
        </div>
      </form>
    </StaffFrame>
  );
}
