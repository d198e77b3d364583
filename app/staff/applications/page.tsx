// 申請一覧: sent applications, newest sending first; search by 申請番号, 氏名 or 申請ログインID,
// filter by status and 支払状況 (paid ones only unless staff choose otherwise: the review queue),
// 50 per page. Each 申請番号 opens the application's review page.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { StaffListSearch } from "@/components/staff/staff-list-search";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { FEE_STATUS_LABELS } from "@/lib/payments/labels";
import { listApplications, type ApplicationListRow } from "@/lib/staff/list-applications";
import {
  APPLICATION_LIST_PAYMENT_FILTERS,
  APPLICATION_LIST_PAYMENT_LABELS,
  APPLICATION_LIST_STATUSES,
  APPLICATION_LIST_STATUS_LABELS,
  STAFF_LIST_PAGE_SIZE,
  STAFF_LIST_QUERY_MAX,
  parseApplicationListParams,
  staffListHref,
} from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "申請一覧" };

const PATH = "/staff/applications";

const statusOptions = APPLICATION_LIST_STATUSES.map((value) => ({
  value,
  label: APPLICATION_LIST_STATUS_LABELS[value],
}));

const paymentOptions = APPLICATION_LIST_PAYMENT_FILTERS.map((value) => ({
  value,
  label: APPLICATION_LIST_PAYMENT_LABELS[value],
}));

const columns: DataColumn<ApplicationListRow>[] = [
  {
    header: "申請番号",
    className: "list-table__code",
    cell: (row) => (
      <Link href={`/staff/applications/${row.id}`} prefetch={false}>
        {row.applicationNumber ?? "（番号なし）"}
      </Link>
    ),
  },
  { header: "氏名", cell: (row) => row.name },
  {
    header: "登録方式",
    cell: (row) => (row.registrationType ? REGISTRATION_TYPE_LABELS[row.registrationType] : ""),
  },
  { header: "状態", cell: (row) => APPLICATION_STATUS_LABELS[row.status] },
  {
    header: "支払状況",
    cell: (row) => (row.paymentStatus ? FEE_STATUS_LABELS[row.paymentStatus] : "（登録料なし）"),
  },
  { header: "送信日時", className: "list-table__date", cell: (row) => formatJstDateTime(row.lastSentAt) },
];

export default async function ApplicationListPage({ searchParams }: PageProps<"/staff/applications">) {
  const { frame } = await loadStaffPage(PATH);
  const params = parseApplicationListParams(await searchParams);
  const page = await listApplications(params);
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請一覧</h1>
      <StaffListSearch
        action={PATH}
        label="申請の検索"
        query={params.q}
        queryHint="申請番号・氏名・申請ログインIDのうち、先頭が一致するものを探します。氏名は姓と名の間に空白を入れてください。"
        status={params.status}
        statusOptions={statusOptions}
        extraFilters={[
          { name: "payment", label: "支払状況", value: params.payment, options: paymentOptions },
        ]}
        queryMaxLength={STAFF_LIST_QUERY_MAX}
      />
      {page.rows.length === 0 ? (
        <p className="list-summary">該当する申請はありません。</p>
      ) : (
        <>
          <p className="list-summary">
            {page.rows.length}件を表示しています。{page.nextCursor ? "次のページがあります。" : null}
          </p>
          <DataTable
            caption="申請一覧（送信日時の新しい順）"
            columns={columns}
            rows={page.rows}
            rowKey={(row) => row.id}
          />
        </>
      )}
      <StaffListPager
        page={page}
        hrefFor={(cursor) => staffListHref(PATH, { ...params, cursor })}
        pageSize={STAFF_LIST_PAGE_SIZE}
      />
    </StaffFrame>
  );
}
