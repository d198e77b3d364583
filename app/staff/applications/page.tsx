// 申請一覧: sent applications, newest sending first; search by 申請番号, 氏名 or 申請ログインID,
// filter by status, 50 per page. Each 申請番号 opens the application's review page.
import type { Metadata } from "next";
import Link from "next/link";
import { StaffFrame } from "@/components/layout/staff-frame";
import { StaffListPager } from "@/components/staff/staff-list-pager";
import { StaffListSearch } from "@/components/staff/staff-list-search";
import { APPLICATION_STATUS_LABELS } from "@/lib/applications/status-labels";
import { REGISTRATION_TYPE_LABELS } from "@/lib/applications/submit-application";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { listApplications } from "@/lib/staff/list-applications";
import {
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
        queryMaxLength={STAFF_LIST_QUERY_MAX}
      />
      {page.rows.length === 0 ? (
        <p className="list-summary">該当する申請はありません。</p>
      ) : (
        <>
          <p className="list-summary">
            {page.rows.length}件を表示しています。{page.nextCursor ? "次のページがあります。" : null}
          </p>
          <div className="table-wrapper">
            <table className="table">
              <caption className="visually-hidden">申請一覧（送信日時の新しい順）</caption>
              <thead>
                <tr>
                  <th scope="col">申請番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">登録方式</th>
                  <th scope="col">状態</th>
                  <th scope="col">送信日時</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="list-table__code">
                      <Link href={`/staff/applications/${row.id}`} prefetch={false}>
                        {row.applicationNumber ?? "（番号なし）"}
                      </Link>
                    </td>
                    <td>{row.name}</td>
                    <td>{row.registrationType ? REGISTRATION_TYPE_LABELS[row.registrationType] : ""}</td>
                    <td>{APPLICATION_STATUS_LABELS[row.status]}</td>
                    <td className="list-table__date">{formatJstDateTime(row.lastSentAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
