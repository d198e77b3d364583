// 監査ログ (administrators only): who did what, when, to what — searched by 操作, 実行者, 対象ID and
// 期間, 50 per page. A 職員 (STAFF) gets the 404 page, like the other administrators' pages.
import type { Metadata } from "next";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame } from "@/components/form/text-field";
import { StaffFrame } from "@/components/layout/staff-frame";
import { AuditTable } from "@/components/staff/audit-table";
import { DateRangeFields } from "@/components/staff/date-range-fields";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { Button } from "@/components/ui/button";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import {
  AUDIT_PERIOD_LABELS,
  auditSearchHref,
  parseAuditSearchParams,
} from "@/lib/audit/audit-search-params";
import { describeAuditEntries } from "@/lib/audit/describe-audit-entries";
import { listAuditActions, searchAuditLog } from "@/lib/audit/search-audit";
import { loadAdminPage } from "@/lib/dal/staff-page";
import { STAFF_LIST_PAGE_SIZE } from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "監査ログ" };

const ACTOR_HINT = "職員はメールアドレス、申請者は申請ログインID（14桁）で指定します。";
const TARGET_HINT =
  "対象のID（申請者の詳細や申請の画面のURLの末尾にあるID）と完全に一致するものを探します。申請ログインID（14桁）でも指定できます。";

export default async function AuditLogPage({ searchParams }: PageProps<"/staff/audit">) {
  const { frame } = await loadAdminPage("/staff/audit");
  const { params, values, errors } = parseAuditSearchParams(await searchParams);
  const summary = (["from", "to"] as const).flatMap((key) => {
    const message = errors[key];
    return message ? [{ fieldId: `audit-${key}`, message }] : [];
  });
  const [actions, result] = await Promise.all([
    listAuditActions(),
    summary.length === 0 ? searchAuditLog(params) : null,
  ]);
  const rows = result ? await describeAuditEntries(result.rows) : [];

  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">監査ログ</h1>
      <ErrorSummary errors={summary} />
      <form
        method="get"
        action="/staff/audit"
        role="search"
        aria-label="監査ログの検索"
        className="audit-search"
        noValidate
      >
        <div className="field">
          <div className="field__label-row">
            <label className="field__label" htmlFor="audit-action">
              操作
            </label>
          </div>
          <select id="audit-action" name="action" className="select" defaultValue={values.action}>
            <option value="">すべて</option>
            {actions.map((action) => {
              const label = auditActionLabel(action);
              return (
                <option key={action} value={action}>
                  {label ? `${label}（${action}）` : action}
                </option>
              );
            })}
          </select>
        </div>
        <FieldFrame id="audit-actor" label="実行者" required={false} hint={ACTOR_HINT}>
          <input
            id="audit-actor"
            name="actor"
            type="text"
            className="input"
            defaultValue={values.actor}
            maxLength={254}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="audit-actor-hint"
          />
        </FieldFrame>
        <FieldFrame id="audit-target" label="対象ID" required={false} hint={TARGET_HINT}>
          <input
            id="audit-target"
            name="target"
            type="text"
            className="input"
            defaultValue={values.target}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="audit-target-hint"
          />
        </FieldFrame>
        <DateRangeFields
          idPrefix="audit-"
          labels={AUDIT_PERIOD_LABELS}
          values={values}
          errors={errors}
          hint="日本時間の年-月-日（例：2026-04-01）。空欄にすると、その側は絞り込みません。"
        />
        <div className="form__actions">
          <Button type="submit">検索する</Button>
        </div>
      </form>

      {!result ? null : result.actorNotFound ? (
        <p className="list-summary">
          実行者「{params.actor}」に当たる職員または申請者が見つかりません。{ACTOR_HINT}
        </p>
      ) : rows.length === 0 ? (
        <p className="list-summary">該当する記録はありません。</p>
      ) : (
        <>
          <p className="list-summary">
            {rows.length}件を表示しています（新しい順）。{result.nextCursor ? "次のページがあります。" : null}
          </p>
          <AuditTable rows={rows} caption="監査ログの検索結果（新しい順）" captionId="audit-caption" />
        </>
      )}
      {result ? (
        <StaffListPager
          page={result}
          hrefFor={(cursor) => auditSearchHref(params, cursor)}
          pageSize={STAFF_LIST_PAGE_SIZE}
        />
      ) : null}
    </StaffFrame>
  );
}
