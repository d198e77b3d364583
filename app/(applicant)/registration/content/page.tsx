// STEP 3 申請内容登録: the choice of 簡略型 / 詳細型, then the groups as a task list.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { GroupTaskList } from "@/components/registration/group-task-list";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { RegistrationTypeForm } from "@/components/registration/registration-type-form";
import { StepIndicator } from "@/components/registration/step-indicator";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen, registrationFees } from "@/lib/fees";
import { effectiveRegistrationType, groupsFor } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { requireStepReachable } from "@/lib/registration/progress";
import { CONFIRM_PATH } from "@/lib/registration/return-to";

export const metadata: Metadata = { title: "申請内容登録" };

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
  const fees = { simple: formatYen(registrationFees.simple), detailed: formatYen(registrationFees.detailed) };

  return (
    <ApplicantFrame {...frame}>
      <RegistrationBreadcrumb pageName="申請内容登録" />
      <h1 className="page-title">申請内容登録</h1>
      <StepIndicator current="content" />
      {choosing ? (
        <>
          <p>
            はじめに登録方式を選んでください。「簡略型登録」で登録したあとで「詳細型登録」に移行することもできます。
          </p>
          <RegistrationTypeForm current={type} fees={fees} />
        </>
      ) : (
        <>
          <p>
            登録方式：<strong>{type === "DETAILED" ? "詳細型登録" : "簡略型登録"}</strong>（登録料{" "}
            {type === "DETAILED" ? fees.detailed : fees.simple}・税込）{" "}
            {isCorrection ? null : <Link href="/registration/content?change=type">登録方式を変更する</Link>}
          </p>
          {isCorrection ? (
            <Notice tone="warning" title="申請の修正中です">
              <p>
                登録事務局から戻された項目を直してください。戻された項目と理由は「
                <Link href="/correction">20_申請の修正</Link>」で確認できます。
              </p>
            </Notice>
          ) : null}
          <h2 className="section-title">入力する項目</h2>
          <p>項目ごとに入力してください。入力した内容は自動で保存されます。</p>
          <GroupTaskList groups={groupsFor(type)} content={application} />
          {allDone ? (
            <p>
              <ButtonLink href={CONFIRM_PATH}>申請内容の確認へ進む</ButtonLink>
            </p>
          ) : (
            <Notice tone="info" title="申請内容送信について">
              <p>すべての項目の入力が済むと、「申請内容送信」で内容を確認して申請できます。</p>
            </Notice>
          )}
        </>
      )}
    </ApplicantFrame>
  );
}
