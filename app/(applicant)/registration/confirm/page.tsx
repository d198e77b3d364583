// STEP 4 申請内容送信: every answer grouped, a 変更 link per answer (it comes back here after 次へ),
// the registration type and fee, and 申請する. Also the check page of 詳細型への移行: the whole
// application as 詳細型, 変更 only on the 詳細型 groups, and the 移行 fee.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { SubmitApplicationForm } from "@/components/registration/submit-application-form";
import { CheckSectionList } from "@/components/registration/check-section-list";
import { checkWords, yenDigits } from "@/components/registration/check-words";
import { Notice } from "@/components/ui/notice";
import { buildCheckSections, canSend } from "@/lib/applications/application-check";
import { checkOptions } from "@/lib/applications/check-options";
import { isUpgrading } from "@/lib/applications/draft-application";
import { registrationFee } from "@/lib/applications/submit-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { registrationFees } from "@/lib/fees";
import { ClientMessages } from "@/lib/i18n/client-messages";
import type { Translate } from "@/lib/i18n/message-ref";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { effectiveRegistrationType, isDetailedOnlyGroup } from "@/lib/registration/content-groups";
import { requireStepReachable } from "@/lib/registration/progress";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.confirm");
  return { title: withoutRuby(t("title")) };
}

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
  const t = await getTranslations("review");
  const words = checkWords((await getTranslations()) as unknown as Translate, await getLocale());
  const typeLabel = t("confirm.typeLabel");

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName={t("confirm.title")} />
      <h1 className="page-title">{withRuby(t("confirm.title"))}</h1>
      <StepIndicator current="confirm" />
      <p>{withRuby(t("confirm.intro"))}</p>
      {canSend(sections) ? null : (
        <Notice tone="warning" title={t("confirm.problemsTitle")}>
          <ul>
            {withProblems.map((section) => (
              <li key={section.key}>
                <a href={`#section-${section.key}`}>{withRuby(words.groupTitle(section))}</a>
                {withRuby(t("confirm.problemSeparator"))}
                {withRuby(section.problems.map((problem) => words.problem(problem) ?? problem).join(" "))}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <h2 className="section-title" id="section-registration-type">
        {withRuby(t("confirm.typeSection"))}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{withRuby(typeLabel)}</dt>
          <dd>{withRuby(t(`registrationType.${isUpgrade ? "upgrade" : type}`))}</dd>
          <dd className="summary-list__actions">
            {isCorrection || isUpgrade ? null : (
              <Link
                href="/registration/content?change=type"
                aria-label={withoutRuby(t("check.changeName", { label: withoutRuby(typeLabel) }))}
              >
                {withRuby(t("check.change"))}
              </Link>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{withRuby(t(isUpgrade ? "fee.upgradeFee" : "fee.fee"))}</dt>
          <dd>
            {withRuby(
              t("fee.amount", {
                amount: yenDigits(isUpgrade ? registrationFees.upgrade : registrationFee(type)),
              }),
            )}
          </dd>
          <dd className="summary-list__actions" />
        </div>
      </dl>
      <CheckSectionList sections={fixedSections} withChangeLinks={false} />
      <CheckSectionList sections={changeableSections} withChangeLinks />
      <h2 className="section-title">{withRuby(t("confirm.sendSection"))}</h2>
      <p>
        {withRuby(
          t(isUpgrade ? "confirm.sendUpgrade" : isCorrection ? "confirm.sendCorrection" : "confirm.sendNew"),
        )}
      </p>
      <ClientMessages paths={["review.submit"]}>
        <SubmitApplicationForm isResubmission={isCorrection} />
      </ClientMessages>
    </ApplicantFrame>
  );
}
