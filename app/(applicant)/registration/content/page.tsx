// STEP 3 申請内容登録: the choice of 簡略型 / 詳細型, then the groups as a task list.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { GroupTaskList } from "@/components/registration/group-task-list";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { RegistrationTypeForm } from "@/components/registration/registration-type-form";
import { StepIndicator } from "@/components/registration/step-indicator";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { registrationFees } from "@/lib/fees";
import { effectiveRegistrationType, groupsFor } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { requireStepReachable } from "@/lib/registration/progress";
import { CONFIRM_PATH } from "@/lib/registration/return-to";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("content.page");
  return { title: withoutRuby(t("title")) };
}

export default async function ApplicationContentPage({ searchParams }: PageProps<"/registration/content">) {
  const { applicant, frame } = await loadApplicantPage("/registration/content");
  const { content } = await requireStepReachable(applicant.id, "content");
  const application = await ensureDraftApplication(applicant.id, content);
  const { change } = await searchParams;
  // (A 詳細型への移行 returned with 不備 is 詳細型 here: its six 詳細型 groups are listed too.)
  const type = effectiveRegistrationType(application);
  // Once sent (and returned for 修正), the registration type and its fee stay as they were.
  const isCorrection = application.status === "RETURNED";
  const choosing = !type || (change === "type" && !isCorrection);
  const allDone =
    type !== null && groupsFor(type).every((group) => groupStatus(group, application) === "done");
  // The fee's digits; each language's message says "yen" its own way.
  const fee = new Intl.NumberFormat("ja-JP").format(
    registrationFees[type === "DETAILED" ? "detailed" : "simple"],
  );
  const t = await getTranslations("content.page");

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName={t("title")} />
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      <StepIndicator current="content" />
      {choosing ? (
        <>
          <p>{withRuby(t("chooseIntro"))}</p>
          <RegistrationTypeForm current={type} />
        </>
      ) : (
        <>
          <p>
            {withRuby(t("typeLabel"))}
            <strong>{withRuby(t(type === "DETAILED" ? "typeDetailed" : "typeSimple"))}</strong>
            {withRuby(t("fee", { fee }))}{" "}
            {isCorrection ? null : (
              <Link href="/registration/content?change=type">{withRuby(t("changeType"))}</Link>
            )}
          </p>
          {isCorrection ? (
            <Notice tone="warning" title={t("correctionTitle")}>
              <p>
                {withRuby(t("correctionBefore"))}
                <Link href="/correction">{withRuby(t("correctionLink"))}</Link>
                {withRuby(t("correctionAfter"))}
              </p>
            </Notice>
          ) : null}
          <h2 className="section-title">{withRuby(t("itemsHeading"))}</h2>
          <p>{withRuby(t("itemsIntro"))}</p>
          <GroupTaskList groups={groupsFor(type)} content={application} />
          {allDone ? (
            <p>
              <ButtonLink href={CONFIRM_PATH}>{withRuby(t("proceed"))}</ButtonLink>
            </p>
          ) : (
            <Notice tone="info" title={t("sendNoticeTitle")}>
              <p>{withRuby(t("sendNoticeBody"))}</p>
            </Notice>
          )}
        </>
      )}
    </ApplicantFrame>
  );
}
