// 申請の取下げ: while the office has not started reviewing, the applicant may withdraw the
// application (reason optional). A paid fee is refunded through the provider, a waiting payment
// is cancelled. After it, the page shows the 取下げ status.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { FeeSummary } from "@/components/payment/fee-summary";
import { WithdrawForm } from "@/components/payment/withdraw-form";
import { Notice } from "@/components/ui/notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen } from "@/lib/fees";
import { loadPaymentOverview, type PaymentOverview } from "@/lib/payments/service";

export const metadata: Metadata = { title: "申請の取下げ" };

/** What 申請を取り下げる will do to this application and its fee. */
function consequencesOf(overview: PaymentOverview): string[] {
  const lines = [
    `申請番号 ${overview.application.applicationNumber} の申請を取り下げます。取り下げた申請は元に戻せません。`,
  ];
  const { fee, payment } = overview;
  if (fee?.status === "PAID") {
    lines.push(
      `お支払いいただいた登録料 ${formatYen(payment?.amount ?? fee.amount)} は、お支払いに使った方法で返金します。`,
    );
  } else if (payment?.status === "PENDING") {
    lines.push("お支払い待ちの手続き（コンビニの番号、払込票など）は取り消され、使えなくなります。");
  }
  lines.push("取下げの結果は、メールと「通知」でもお知らせします。");
  return lines;
}

export default async function WithdrawPage() {
  const { applicant, frame } = await loadApplicantPage("/withdraw");
  const overview = await loadPaymentOverview(applicant.id);
  const isWithdrawn = overview?.application.status === "WITHDRAWN";

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">申請の取下げ</h1>
      {isWithdrawn && overview ? (
        <>
          <Notice tone="success" title="申請を取り下げました" role="status">
            <p>
              {overview.fee?.status === "REFUNDED"
                ? "お支払いいただいた登録料は返金しました（返金済み）。"
                : "登録料のお支払いは必要ありません。"}
            </p>
          </Notice>
          <FeeSummary overview={overview} />
        </>
      ) : overview?.canWithdraw ? (
        <>
          <p>審査が始まる前の申請は、取り下げることができます。</p>
          <FeeSummary overview={overview} />
          <WithdrawForm consequences={consequencesOf(overview)} />
        </>
      ) : (
        <Notice tone="info" title="取り下げられる申請はありません">
          <p>
            申請を送信していないか、すでに審査が始まっています。審査中の申請の取下げは、登録事務局へお問い合わせください。
          </p>
        </Notice>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
