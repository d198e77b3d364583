// 詳細型への移行: after 登録完了 of a 簡略型 registration the applicant may add the six 詳細型
// groups and become 詳細型 with the same 技能者ID. This page says what it is and what it costs
// (移行を始める), then lists the six pages (the wizard's own pages, opened with ?return=upgrade so
// that 次へ comes back here) and leads on to the wizard's check page, 申請する and the payment.
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { GroupTaskList } from "@/components/registration/group-task-list";
import { paymentText } from "@/components/payment/payment-text";
import { StartUpgradeForm } from "@/components/upgrade/start-upgrade-form";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { findUpgradeState } from "@/lib/applications/upgrade";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { registrationFees } from "@/lib/fees";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { contentGroups } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import {
  CONFIRM_PATH,
  CORRECTION_PATH,
  RETURN_TO_UPGRADE,
  UPGRADE_PATH,
  changeHref,
} from "@/lib/registration/return-to";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payment.upgrade");
  return { title: withoutRuby(t("title")) };
}

/** The text parts of a rich message with their readings (やさしい日本語) as <ruby>. */
function rubyParts(node: ReactNode): ReactNode {
  if (typeof node === "string") return withRuby(node);
  if (!Array.isArray(node)) return node;
  return (node as readonly ReactNode[]).map((part, index): ReactNode =>
    typeof part === "string" ? <Fragment key={index}>{withRuby(part)}</Fragment> : part,
  );
}

const detailedGroups = contentGroups.filter((group) => group.detailedOnly);

async function UpgradeTaskList({ applicantId }: { applicantId: string }) {
  const application = await findApplicationOf(applicantId);
  if (!application) return null;
  const t = await getTranslations("payment.upgrade");
  const allDone = detailedGroups.every((group) => groupStatus(group, application) === "done");
  return (
    <>
      <h2 className="section-title">{withRuby(t("tasksTitle"))}</h2>
      <p>{withRuby(t("tasksIntro"))}</p>
      <GroupTaskList
        groups={detailedGroups}
        content={application}
        hrefOf={(group) => changeHref(group.path, undefined, RETURN_TO_UPGRADE)}
      />
      {allDone ? (
        <p>
          <ButtonLink href={CONFIRM_PATH}>{withRuby(t("toConfirm"))}</ButtonLink>
        </p>
      ) : (
        <Notice tone="info" title={t("sendTitle")}>
          <p>{withRuby(t("sendBody"))}</p>
        </Notice>
      )}
    </>
  );
}

export default async function UpgradePage() {
  const { applicant, frame } = await loadApplicantPage(UPGRADE_PATH);
  const state = await findUpgradeState(applicant.id);
  const t = await getTranslations("payment");
  const fee = paymentText(t, await getLocale()).yenTaxIncluded(registrationFees.upgrade);

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("upgrade.title"))}</h1>
      <p>{withRuby(t("upgrade.intro"))}</p>
      <SummaryList>
        <SummaryRow term={t("upgrade.currentType")}>
          {withRuby(
            t(state.registrationType ? `upgrade.type.${state.registrationType}` : "upgrade.notRegistered"),
          )}
        </SummaryRow>
        {state.technicianId ? (
          <SummaryRow term={t("upgrade.technicianId")} valueClassName="application-number">
            {state.technicianId}
          </SummaryRow>
        ) : null}
        <SummaryRow term={t("upgrade.fee")}>{withRuby(fee)}</SummaryRow>
      </SummaryList>
      {state.stage === "can-start" ? (
        <>
          <h2 className="section-title">{withRuby(t("upgrade.flowTitle"))}</h2>
          <ol>
            <li>{withRuby(t("upgrade.flow1"))}</li>
            <li>{withRuby(t("upgrade.flow2"))}</li>
            <li>{withRuby(t("upgrade.flow3", { fee }))}</li>
            <li>{withRuby(t("upgrade.flow4"))}</li>
          </ol>
          <p>{withRuby(t("upgrade.stillSimple"))}</p>
          <ClientMessages paths={["payment.upgrade", "payment.errors"]}>
            <StartUpgradeForm />
          </ClientMessages>
        </>
      ) : state.stage === "in-progress" ? (
        <UpgradeTaskList applicantId={applicant.id} />
      ) : state.stage === "sent" ? (
        <Notice tone="info" title={t("upgrade.sentTitle")}>
          {state.status === "RETURNED" ? (
            <p>
              {rubyParts(
                t.rich("upgrade.sentReturned", {
                  link: (chunks) => <Link href={CORRECTION_PATH}>{rubyParts(chunks)}</Link>,
                }),
              )}
            </p>
          ) : (
            <p>
              {rubyParts(
                t.rich("upgrade.sentWaiting", {
                  link: (chunks) => <Link href="/registration/complete">{rubyParts(chunks)}</Link>,
                }),
              )}
            </p>
          )}
        </Notice>
      ) : state.stage === "detailed" ? (
        <Notice tone="info" title={t("upgrade.detailedTitle")}>
          <p>{withRuby(t("upgrade.detailedBody"))}</p>
        </Notice>
      ) : (
        <Notice tone="info" title={t("upgrade.notYetTitle")}>
          <p>{withRuby(t("upgrade.notYetBody"))}</p>
        </Notice>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
