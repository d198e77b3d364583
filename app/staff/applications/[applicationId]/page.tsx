// 申請内容の審査: one sent application — every answer and image of a version, what changed since
// the version before, every decision, the consent records — and, while it waits for staff,
// 承認 or 不備.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffFrame } from "@/components/layout/staff-frame";
import { CheckSectionList } from "@/components/registration/check-section-list";
import { ConsentTable } from "@/components/staff/consent-table";
import { PaymentPanel } from "@/components/staff/payment-panel";
import { ReviewDecisionPanels } from "@/components/staff/review-decision-panels";
import { VersionDiffTable } from "@/components/staff/version-diff-table";
import { VersionList } from "@/components/staff/version-list";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { formatJstDateTime } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { groupReasons, loadReturnReasons } from "@/lib/reference/return-reasons";
import { loadPaymentOverview } from "@/lib/payments/service";
import { isReviewable } from "@/lib/review/decide-application";
import { findApplicationForReview } from "@/lib/review/find-review";
import { diffSubmissions, type SubmissionContent } from "@/lib/review/version-diff";

export const metadata: Metadata = { title: "申請内容の審査" };

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

export default async function ReviewPage({
  params,
  searchParams,
}: PageProps<"/staff/applications/[applicationId]">) {
  const { frame } = await loadStaffPage("/staff/applications");
  const { applicationId } = await params;
  const application = await findApplicationForReview(applicationId);
  if (!application) notFound();
  const { version: versionParam, decided, refunded } = await searchParams;
  const paymentOverview = await loadPaymentOverview(application.applicant.id);

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
      {refunded === "1" && paymentOverview?.fee?.status === "REFUNDED" ? (
        <Notice tone="success" title="返金しました" role="status">
          <p>登録料を「返金済み」にしました。返金のお知らせをメールと通知で申請者に送ります。</p>
        </Notice>
      ) : null}

      <h2 className="section-title">申請の概要</h2>
      <SummaryList>
        <SummaryRow term="申請番号">{application.applicationNumber}</SummaryRow>
        <SummaryRow term="状態">{APPLICATION_STATUS_LABELS[application.status]}</SummaryRow>
        <SummaryRow term="登録方式">
          {application.registrationType ? REGISTRATION_TYPE_LABELS[application.registrationType] : ""}
        </SummaryRow>
        <SummaryRow term="申請者">
          {applicant.name}（申請ログインID {applicant.loginId}、{applicant.email}）
        </SummaryRow>
        <SummaryRow term="最初の申請日時">
          {application.submittedAt ? formatJstDateTime(application.submittedAt) : ""}
        </SummaryRow>
        <SummaryRow term="最後の送信日時">
          {application.lastSentAt ? formatJstDateTime(application.lastSentAt) : ""}
        </SummaryRow>
        {application.technicianId ? (
          <SummaryRow term="技能者ID">{application.technicianId}</SummaryRow>
        ) : null}
      </SummaryList>

      <PaymentPanel applicationId={application.id} overview={paymentOverview} />

      {reviewable ? (
        <ReviewDecisionPanels
          applicationId={application.id}
          lockVersion={application.lockVersion}
          reasonGroups={reasonGroups}
        />
      ) : null}

      <h2 className="section-title">送信された版</h2>
      <VersionList application={application} shownVersion={shown?.version} />

      {shown && previous ? (
        <section aria-labelledby="diff-title">
          <h2 className="section-title" id="diff-title">
            第{previous.version}版からの変更
          </h2>
          <VersionDiffTable previousVersion={previous.version} changes={changes} />
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
      <ConsentTable consents={applicant.consents} />
    </StaffFrame>
  );
}
