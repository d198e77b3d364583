// 申請者一覧: search by 申請ログインID, メールアドレス or 氏名, filter by 状態, 50 per page.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { StaffListSearch } from "@/components/staff/staff-list-search";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS } from "@/lib/labels";
import { applicantStateLabel, listApplicants, type ApplicantListRow } from "@/lib/staff/list-applicants";
import {
  APPLICANT_LIST_STATUSES,
  APPLICANT_LIST_STATUS_LABELS,
  STAFF_LIST_PAGE_SIZE,
  STAFF_LIST_QUERY_MAX,
  parseApplicantListParams,
  staffListHref,
} from "@/lib/staff/list-params";

export const metadata: Metadata = { title: "申請者一覧" };

const PATH = "/staff/applicants";

const statusOptions = APPLICANT_LIST_STATUSES.map((value) => ({
  value,
  label: APPLICANT_LIST_STATUS_LABELS[value],
}));

/** 申請 column: the sent application's status with a link to it, or where the applicant is. */
function ApplicationCell({ row }: { row: ApplicantListRow }) {
  if (!row.applicationId || !row.applicationStatus) return <>未申請</>;
  if (row.applicationStatus === "DRAFT") return <>{APPLICATION_STATUS_LABELS.DRAFT}</>;
  return (
    <Link href={`/staff/applications/${row.applicationId}`} prefetch={false}>
      {APPLICATION_STATUS_LABELS[row.applicationStatus]}
      <span className="visually-hidden">（{row.name}さんの申請を見る）</span>
    </Link>
  );
}

const columns: DataColumn<ApplicantListRow>[] = [
  {
    header: "申請ログインID",
    className: "list-table__code",
    cell: (row) => (
      <Link href={`/staff/applicants/${row.id}`} prefetch={false}>
        {row.loginId}
      </Link>
    ),
  },
  { header: "氏名", cell: (row) => row.name },
  { header: "メールアドレス", className: "list-table__email", cell: (row) => row.email },
  { header: "状態", cell: (row) => applicantStateLabel(row) },
  {
    header: "ロック",
    cell: (row) =>
      row.isLocked && row.lockedUntil ? `ロック中（${formatJstDateTime(row.lockedUntil)}まで）` : "なし",
  },
  { header: "発行日時", className: "list-table__date", cell: (row) => formatJstDateTime(row.issuedAt) },
  { header: "申請", cell: (row) => <ApplicationCell row={row} /> },
];

export default async function ApplicantListPage({ searchParams }: PageProps<"/staff/applicants">) {
  const { frame } = await loadStaffPage(PATH);
  const params = parseApplicantListParams(await searchParams);
  const page = await listApplicants(params);
  return (
    <StaffFrame {...frame}>
      <h1 className="page-title">申請者一覧</h1>
      <StaffListSearch
        action={PATH}
        label="申請者の検索"
        query={params.q}
        queryHint="申請ログインID・メールアドレス・氏名のうち、先頭が一致するものを探します。氏名は姓と名の間に空白を入れてください。"
        status={params.status}
        statusOptions={statusOptions}
        queryMaxLength={STAFF_LIST_QUERY_MAX}
      />
      {page.rows.length === 0 ? (
        <p className="list-summary">該当する申請者はいません。</p>
      ) : (
        <>
          <p className="list-summary">
            {page.rows.length}件を表示しています。{page.nextCursor ? "次のページがあります。" : null}
          </p>
          <DataTable
            caption="申請者一覧（新しく発行した順）"
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
