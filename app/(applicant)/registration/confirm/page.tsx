// STEP 4 申請内容送信: every answer grouped, a 変更 link per answer (it comes back here after 次へ),
// the registration type and fee, and 申請する. Also the check page of 詳細型への移行: the whole
// application as 詳細型, 変更 only on the 詳細型 groups, and the 移行 fee.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { SubmitApplicationForm } from "@/components/registration/submit-application-form";
import { CheckSectionList } from "@/components/registration/check-section-list";
import { Notice } from "@/components/ui/notice";
import { buildCheckSections, canSend, changeLinkName } from "@/lib/applications/application-check";
import { checkOptions } from "@/lib/applications/check-options";
import { isUpgrading } from "@/lib/applications/draft-application";
import { registrationFee } from "@/lib/applications/submit-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen, registrationFees } from "@/lib/fees";
import { REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { effectiveRegistrationType, isDetailedOnlyGroup } from "@/lib/registration/content-groups";
import { requireStepReachable } from "@/lib/registration/progress";

export const metadata: Metadata = { title: "申請内容送信" };

export default async function ConfirmPage() {
  const { applicant, frame } = await loadApplicantPage("/registration/confirm");
  // Reachable means every group is done: the draft exists, with a registration type.
  const { content: application } = await requireStepReachable(applicant.id, "confirm");
  const type = application && effectiveRegistrationType(application);
  if (!application || !type) return null;
  const sections = buildCheckSections(application, checkOptions());
  // A returned application is sent again (再申請) with the type it was first sent with.
  const isCorrection = application.status === "RETURNED";
  // 詳細型への移行: the 簡略型 groups were approved and stay as they are.
  const isUpgrade = isUpgrading(application);
  const fixedSections = isUpgrade ? sections.filter((section) => !isDetailedOnlyGroup(section.key)) : [];
  const changeableSections = isUpgrade
    ? sections.filter((section) => isDetailedOnlyGroup(section.key))
    : sections;
  const withProblems = sections.filter((section) => section.problems.length > 0);

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="申請内容送信" />
      <h1 className="page-title">申請内容送信</h1>
      <StepIndicator current="confirm" />
      <p>
        申請内容を確認してください。直すところがあるときは、その項目の「変更」を押してください。入力し直して「次へ」を押すと、この画面に戻ります。
      </p>
      {canSend(sections) ? null : (
        <Notice tone="warning" title="確認が必要な項目があります">
          <ul>
            {withProblems.map((section) => (
              <li key={section.key}>
                <a href={`#section-${section.key}`}>{section.title}</a>：{section.problems.join(" ")}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <h2 className="section-title" id="section-registration-type">
        登録方式と登録料
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>登録方式</dt>
          <dd>{isUpgrade ? "詳細型登録（簡略型登録からの移行）" : REGISTRATION_TYPE_LABELS[type]}</dd>
          <dd className="summary-list__actions">
            {isCorrection || isUpgrade ? null : (
              <Link href="/registration/content?change=type" aria-label={changeLinkName("登録方式")}>
                変更
              </Link>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{isUpgrade ? "移行の手数料" : "登録料"}</dt>
          <dd>{formatYen(isUpgrade ? registrationFees.upgrade : registrationFee(type))}（税込）</dd>
          <dd className="summary-list__actions" />
        </div>
      </dl>
      <CheckSectionList sections={fixedSections} withChangeLinks={false} />
      <CheckSectionList sections={changeableSections} withChangeLinks />
      <h2 className="section-title">申請内容の送信</h2>
      {isUpgrade ? (
        <p>
          「申請する」を押すと、詳細型への移行の申請が送信されます。申請番号と技能者IDは変わりません。送信したあとは、移行の手数料をお支払いください。審査が終わるまでは簡略型の登録のままです。
        </p>
      ) : isCorrection ? (
        <p>
          「再申請する」を押すと、修正した申請内容が送信されます。申請番号は変わりません。送信したあとは、登録事務局から修正の依頼があるまで内容を変更できません。
        </p>
      ) : (
        <p>
          「申請する」を押すと申請内容が送信され、申請番号が発行されます。送信したあとは、登録事務局から修正の依頼があるまで内容を変更できません。
        </p>
      )}
      <SubmitApplicationForm isResubmission={isCorrection} />
    </ApplicantFrame>
  );
}
