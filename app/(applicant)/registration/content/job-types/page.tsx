// 申請内容登録 › 職種 (from the operator's code list, data/job-types.csv).
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { JobTypesForm } from "@/components/registration/job-types-form";
import { loadContentPage } from "@/lib/dal/content-page";
import { jobTypeGroups } from "@/lib/reference/job-types";
import { jobTypeCode, jobTypesToFields } from "@/lib/schemas/job-types";

export const metadata: Metadata = { title: "職種" };

export default async function JobTypesPage() {
  const { frame, application } = await loadContentPage("/registration/content/job-types");
  const groups = jobTypeGroups().map((group) => ({
    label: group.label,
    options: group.options.map((option) => ({ value: option.code, label: option.label })),
  }));
  const saved = jobTypesToFields(
    application.jobTypes.map((row) => jobTypeCode(row.majorCode, row.minorCode)),
  );
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title="職種" />
      <p>主に従事している職種を、1つから4つまで選んでください。</p>
      <JobTypesForm groups={groups} saved={saved} draftKey={application.id} />
    </ApplicantFrame>
  );
}
