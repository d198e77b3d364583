// 詳細型への移行: after 登録完了 of a 簡略型 registration the applicant may add the six 詳細型
// groups and become 詳細型 with the same 技能者ID. This page says what it is and what it costs
// (移行を始める), then lists the six pages (the wizard's own pages, opened with ?return=upgrade so
// that 次へ comes back here) and leads on to the wizard's check page, 申請する and the payment.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { BackToMenuLink } from "@/components/layout/back-to-menu-link";
import { GroupTaskList } from "@/components/registration/group-task-list";
import { StartUpgradeForm } from "@/components/upgrade/start-upgrade-form";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { findUpgradeState } from "@/lib/applications/upgrade";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen, registrationFees } from "@/lib/fees";
import { REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { contentGroups } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import {
  CONFIRM_PATH,
  CORRECTION_PATH,
  RETURN_TO_UPGRADE,
  UPGRADE_PATH,
  changeHref,
} from "@/lib/registration/return-to";

export const metadata: Metadata = { title: "詳細型への移行" };

const detailedGroups = contentGroups.filter((group) => group.detailedOnly);

async function UpgradeTaskList({ applicantId }: { applicantId: string }) {
  const application = await findApplicationOf(applicantId);
  if (!application) return null;
  const allDone = detailedGroups.every((group) => groupStatus(group, application) === "done");
  return (
    <>
      <h2 className="section-title">入力する項目</h2>
      <p>
        項目ごとに入力して「次へ」を押してください。登録する内容がない項目も、開いて「次へ」を押すと入力済みになります。簡略型で登録済みの項目は変更できません。
      </p>
      <GroupTaskList
        groups={detailedGroups}
        content={application}
        hrefOf={(group) => changeHref(group.path, undefined, RETURN_TO_UPGRADE)}
      />
      {allDone ? (
        <p>
          <ButtonLink href={CONFIRM_PATH}>申請内容の確認へ進む</ButtonLink>
        </p>
      ) : (
        <Notice tone="info" title="申請内容送信について">
          <p>6つの項目の入力が済むと、「申請内容送信」で内容を確認して申請できます。</p>
        </Notice>
      )}
    </>
  );
}

export default async function UpgradePage() {
  const { applicant, frame } = await loadApplicantPage(UPGRADE_PATH);
  const state = await findUpgradeState(applicant.id);
  const fee = `${formatYen(registrationFees.upgrade)}（税込）`;

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">詳細型への移行</h1>
      <p>
        簡略型で登録した技能者情報に、学歴、労災保険特別加入、健康診断受診履歴、保有資格、研修受講履歴、表彰履歴を加えて、詳細型の登録にします。技能者IDは変わりません。
      </p>
      <SummaryList>
        <SummaryRow term="現在の登録方式">
          {state.registrationType ? REGISTRATION_TYPE_LABELS[state.registrationType] : "（未登録）"}
        </SummaryRow>
        {state.technicianId ? (
          <SummaryRow term="技能者ID" valueClassName="application-number">
            {state.technicianId}
          </SummaryRow>
        ) : null}
        <SummaryRow term="移行の手数料">{fee}</SummaryRow>
      </SummaryList>
      {state.stage === "can-start" ? (
        <>
          <h2 className="section-title">移行の流れ</h2>
          <ol>
            <li>「移行を始める」を押し、詳細型の6つの項目を入力します。</li>
            <li>「申請内容送信」で内容を確認して申請します。</li>
            <li>{`移行の手数料 ${fee} をお支払いください。お支払いが確認できてから審査が始まります。`}</li>
            <li>審査が終わると、メールと「通知」でお知らせします。承認されると詳細型の登録になります。</li>
          </ol>
          <p>移行を始めても、承認されるまでは簡略型の登録のままです。</p>
          <StartUpgradeForm />
        </>
      ) : state.stage === "in-progress" ? (
        <UpgradeTaskList applicantId={applicant.id} />
      ) : state.stage === "sent" ? (
        <Notice tone="info" title="詳細型への移行を申請しました">
          {state.status === "RETURNED" ? (
            <p>
              登録事務局から修正の依頼があります。「<Link href={CORRECTION_PATH}>20_申請の修正</Link>
              」から修正して、もう一度申請してください。
            </p>
          ) : (
            <p>
              申請の状況と移行の手数料のお支払いは「<Link href="/registration/complete">申請完了</Link>
              」で確認できます。承認されると詳細型の登録になります。
            </p>
          )}
        </Notice>
      ) : state.stage === "detailed" ? (
        <Notice tone="info" title="詳細型で登録されています">
          <p>この登録は詳細型です。移行の手続きは必要ありません。</p>
        </Notice>
      ) : (
        <Notice tone="info" title="詳細型への移行はまだできません">
          <p>詳細型への移行は、簡略型で登録が完了したあとに申し込めます。</p>
        </Notice>
      )}
      <BackToMenuLink />
    </ApplicantFrame>
  );
}
