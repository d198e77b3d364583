"use server";
// 登録方式についての注意事項 「はい」: records that the applicant read the notice, then goes on to
// the first unfinished step (so coming back later resumes there).
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findResumePath } from "@/lib/registration/progress";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function acceptRegistrationNoticeAction(): Promise<void> {
  await applyActionFault("acceptRegistrationNoticeAction");
  const { applicant } = await requireApplicant();
  await recordAudit(db, {
    actorType: "applicant",
    actorId: applicant.id,
    action: "registration.notice-accepted",
    targetType: "applicant",
    targetId: applicant.id,
    ip: (await getRequestContext()).ip,
  });
  redirect(await findResumePath(applicant.id));
}
