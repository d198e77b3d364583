// What every 申請内容登録 group page needs: the applicant, the reachable step, the draft.
import "server-only";
import { redirect } from "next/navigation";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { requireStepReachable } from "@/lib/registration/progress";

export async function loadContentPage(path: string) {
  const { applicant, frame } = await loadApplicantPage(path);
  await requireStepReachable(applicant.id, "content");
  const application = await ensureDraftApplication(applicant.id);
  if (!application.registrationType) redirect("/registration/content");
  return { applicant, frame, application };
}
