// 新パスワードで再ログイン後の初期画面: where an applicant lands after signing in with their own password.
// Once an application is sent, its status and the registration fee's are shown here too, with the
// way to pay while the fee waits (or its deadline passed) and to withdraw while that is allowed.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen } from "@/lib/fees";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { upgradeStateOf } from "@/lib/applications/upgrade";
import { APPLICATION_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { FEE_PURPOSE_LABELS, FEE_STATUS_LABELS } from "@/lib/payments/labels";
import { loadPaymentOverview } from "@/lib/payments/service";

export const metadata: Metadata = { title: "メニュー" };

export default async function MenuPage() {
  const { applicant, frame } = await loadApplicantPage("/menu");
  const overview = await loadPaymentOverview(applicant.id);
  // An application without an 申請番号 (not sent yet) has nothing to move: "unavailable", as for none.
  const upgrade = upgradeStateOf(overview?.application ?? null);
  const isMoving = upgrade.stage === "in-progress" || upgrade.stage === "sent";
  const fee = overview?.fee ?? null;
  const offersPayment = overview?.canPay === true && (fee?.status === "UNPAID" || fee?.status === "EXPIRED");
  const links = [
    ...(offersPayment
      ? [{ href: "/payment", label: "登録料のお支払い" }]
      : fee && overview?.application.status !== "WITHDRAWN"
        ? [{ href: "/payment", label: "お支払いの状況と領収書" }]
        : []),
    ...(overview?.canWithdraw ? [{ href: "/withdraw", label: "申請の取下げ" }] : []),
    // 登録完了 of a 簡略型 registration: the move to 詳細型 (started or not yet).
    ...(upgrade.stage === "can-start" || upgrade.stage === "in-progress"
      ? [{ href: "/upgrade", label: "詳細型への移行" }]
      : []),
  ];
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">技能者情報登録 インターネット申請</h1>
      <p>建設キャリアアップシステムにおける申請用の画面です。</p>
      <p>左記メニューより、新規登録をしてください。</p>
      <p className="hint-text">
        メニューが表示されない場合は、画面上部の「メニューを開く」ボタン（ハンバーガーメニュー）を押してください。
      </p>
      {overview ? (
        <section aria-labelledby="application-status-title">
          <h2 className="section-title" id="application-status-title">
            申請状況
          </h2>
          <SummaryList>
            <SummaryRow term="申請番号" valueClassName="application-number">
              {overview.application.applicationNumber}
            </SummaryRow>
            <SummaryRow term="申請状況">{APPLICATION_STATUS_LABELS[overview.application.status]}</SummaryRow>
            {upgrade.registrationType ? (
              <SummaryRow term="登録方式">
                {`${REGISTRATION_TYPE_LABELS[upgrade.registrationType]}${isMoving ? "（詳細型へ移行中）" : ""}`}
              </SummaryRow>
            ) : null}
            {upgrade.technicianId ? (
              <SummaryRow term="技能者ID" valueClassName="application-number">
                {upgrade.technicianId}
              </SummaryRow>
            ) : null}
            {fee ? (
              <>
                <SummaryRow
                  term={FEE_PURPOSE_LABELS[fee.purpose]}
                >{`${formatYen(fee.amount)}（税込）`}</SummaryRow>
                <SummaryRow term="支払状況">{FEE_STATUS_LABELS[fee.status]}</SummaryRow>
                {offersPayment ? (
                  <SummaryRow term="支払期限">{`${formatJstDateTimeJa(fee.dueAt)}（日本時間）`}</SummaryRow>
                ) : null}
              </>
            ) : null}
          </SummaryList>
          {links.length > 0 ? (
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </ApplicantFrame>
  );
}
