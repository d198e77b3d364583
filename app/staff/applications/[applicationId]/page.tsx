// 申請内容の審査: one sent application — every answer and image of a version, what changed since
// the version before, every decision, the consent records — and, while it waits for staff,
// 承認 or 不備.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { CheckSectionList } from "@/components/registration/check-section-list";
import { ApproveForm, ReturnForm } from "@/components/staff/review-decision-forms";
import { Notice } from "@/components/ui/notice";
import { APPLICATION_STATUS_LABELS } from "@/lib/applications/status-labels";
import { REGISTRATION_TYPE_LABELS } from "@/lib/applications/submit-application";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { groupReasons, loadReturnReasons } from "@/lib/reference/return-reasons";
import { isReviewable } from "@/lib/review/decide-application";
import { findApplicationForReview } from "@/lib/review/find-review";
import { diffSubmissions, type SubmissionContent } from "@/lib/review/version-diff";
import { contentGroups } from "@/lib/registration/content-groups";

export const metadata: Metadata = { title: "申請内容の審査" };

const CONSENT_KIND_LABELS = {
  PERSONAL_INFO: "個人情報の取り扱い等の同意",
  TERMS: "システム利用規約",
} as const;
const CHANGE_KIND_LABELS = { changed: "変更", added: "追加", removed: "削除" } as const;

/** The stored answers as the check-page list shows them (read-only: no 変更 links, no problems). */
function sectionsOf(content: SubmissionContent) {
  return content.sections.map((section) => ({
    key: section.key,
    title: section.title,
    href: "",
    problems: [],
    items: section.items.map((item) => ({ ...item, href: "" })),
  }));
}

function groupLabel(key: string): string {
  return contentGroups.find((group) => group.key === key)?.label ?? key;
}

export default async function ReviewPage({
  params,
  searchParams,
}: PageProps<"/staff/applications/[applicationId]">) {
  const { frame } = await loadStaffPage("/staff/applications");
  const { applicationId } = await params;
  const application = await findApplicationForReview(applicationId);
  if (!application) notFound();
  const { version: versionParam, decided } = await searchParams;

  const { versions, applicant } = application;
  const latest = versions.at(-1);
  const shown = versions.find((v) => String(v.version) === versionParam) ?? latest;
  const previous = shown ? versions.find((v) => v.version === shown.version - 1) : undefined;
  const changes = shown && previous ? diffSubmissions(previous.content, shown.content) : [];
  const reviewable = isReviewable(application.status);
  const reasonGroups = groupReasons(loadReturnReasons()).map((group) => ({
    groupKey: group.groupKey,
    groupLabel: group.groupLabel,
    reasons: group.reasons.map(({ code, label }) => ({ code, label })),
  }));

  return (
    <StaffFrame {...frame}>
      <p>
        <Link href="/staff/applications">申請の一覧に戻る</Link>
      </p>
      <h1 className="page-title">申請内容の審査</h1>
      {decided === "approved" && application.status === "COMPLETED" ? (
        <Notice tone="success" title="承認しました" role="status">
          <p>
            技能者ID {application.technicianId}{" "}
            を発行しました。登録完了のお知らせをメールと通知で申請者に送ります。
          </p>
        </Notice>
      ) : null}
      {decided === "returned" && application.status === "RETURNED" ? (
        <Notice tone="success" title="不備として申請者に戻しました" role="status">
          <p>
            不備の内容をメールと通知で申請者に送ります。申請者が修正して再申請すると、この一覧に戻ってきます。
          </p>
        </Notice>
      ) : null}

      <h2 className="section-title">申請の概要</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>申請番号</dt>
          <dd>{application.applicationNumber}</dd>
        </div>
        <div className="summary-list__row">
          <dt>状態</dt>
          <dd>{APPLICATION_STATUS_LABELS[application.status]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>登録方式</dt>
          <dd>
            {application.registrationType ? REGISTRATION_TYPE_LABELS[application.registrationType] : ""}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>申請者</dt>
          <dd>
            {applicant.name}（申請ログインID {applicant.loginId}、{applicant.email}）
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>最初の申請日時</dt>
          <dd>{application.submittedAt ? formatJstDateTime(application.submittedAt) : ""}</dd>
        </div>
        <div className="summary-list__row">
          <dt>最後の送信日時</dt>
          <dd>{application.lastSentAt ? formatJstDateTime(application.lastSentAt) : ""}</dd>
        </div>
        {application.technicianId ? (
          <div className="summary-list__row">
            <dt>技能者ID</dt>
            <dd>{application.technicianId}</dd>
          </div>
        ) : null}
      </dl>

      {reviewable ? (
        <section aria-labelledby="decision-title">
          <h2 className="section-title" id="decision-title">
            判定
          </h2>
          <div className="decision-panels">
            <section aria-labelledby="approve-title">
              <h3 className="section-title" id="approve-title">
                承認する
              </h3>
              <ApproveForm applicationId={application.id} lockVersion={application.lockVersion} />
            </section>
            <section aria-labelledby="return-title">
              <h3 className="section-title" id="return-title">
                不備として戻す
              </h3>
              <ReturnForm
                applicationId={application.id}
                lockVersion={application.lockVersion}
                reasonGroups={reasonGroups}
              />
            </section>
          </div>
        </section>
      ) : null}

      <h2 className="section-title">送信された版</h2>
      <ol className="version-list">
        {versions.map((v) => {
          const review = application.reviews.find((r) => r.submissionVersion === v.version);
          return (
            <li key={v.id}>
              {v.version === shown?.version ? (
                <strong aria-current="page">第{v.version}版（表示中）</strong>
              ) : (
                <Link href={`/staff/applications/${application.id}?version=${v.version}`}>
                  第{v.version}版を表示
                </Link>
              )}
              ：{formatJstDateTime(v.submittedAt)} 送信
              {review ? (
                <>
                  {" "}
                  — {review.decision === "APPROVED" ? "承認" : "不備"}（{formatJstDateTime(review.decidedAt)}
                  、{review.staff.name}）
                  {review.items.length > 0 ? (
                    <ul>
                      {review.items.map((item) => (
                        <li key={item.id}>
                          {groupLabel(item.groupKey)}：{item.reasonLabel}
                          {item.comment ? `（コメント：${item.comment}）` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : (
                "— 未判定"
              )}
            </li>
          );
        })}
      </ol>

      {shown && previous ? (
        <section aria-labelledby="diff-title">
          <h2 className="section-title" id="diff-title">
            第{previous.version}版からの変更
          </h2>
          {changes.length === 0 ? (
            <p>第{previous.version}版から変わった項目はありません。</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">第{previous.version}版からの変更</caption>
                <thead>
                  <tr>
                    <th scope="col">項目</th>
                    <th scope="col">変更の種類</th>
                    <th scope="col">変更前</th>
                    <th scope="col">変更後</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={`${change.sectionKey}:${change.itemId}`}>
                      <th scope="row">
                        {change.sectionTitle}：{change.label}
                      </th>
                      <td>
                        {CHANGE_KIND_LABELS[change.kind]}
                        {change.imageChanged ? "（画像を差し替え）" : ""}
                      </td>
                      <td>{change.before ?? ""}</td>
                      <td>{change.after ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      {shown ? (
        <section aria-labelledby="content-title">
          <h2 className="section-title" id="content-title">
            申請内容（第{shown.version}版）
          </h2>
          <CheckSectionList sections={sectionsOf(shown.content)} withChangeLinks={false} headingLevel={3} />
        </section>
      ) : null}

      <h2 className="section-title">同意の記録</h2>
      {applicant.consents.length === 0 ? (
        <p>同意の記録はありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">同意の記録</caption>
            <thead>
              <tr>
                <th scope="col">同意した文書</th>
                <th scope="col">版</th>
                <th scope="col">同意日時</th>
                <th scope="col">IPアドレス</th>
              </tr>
            </thead>
            <tbody>
              {applicant.consents.map((consent) => (
                <tr key={consent.id}>
                  <td>{consent.document.title || CONSENT_KIND_LABELS[consent.kind]}</td>
                  <td>第{consent.version}版</td>
                  <td>{formatJstDateTime(consent.consentedAt)}</td>
                  <td>{consent.ip ?? "記録なし"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}
