// What every 申請内容登録 group page needs: the applicant, the reachable step, the draft.
import "server-only";
import { redirect } from "next/navigation";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { contentGroups } from "@/lib/registration/content-groups";
import { requireStepReachable } from "@/lib/registration/progress";

export async function loadContentPage(path: string) {
  const { applicant, frame } = await loadApplicantPage(path);
  // The group whose page this is: during 詳細型への移行 only the 詳細型 groups' pages open.
  const group = contentGroups.find((candidate) => candidate.path === path);
  const { content } = await requireStepReachable(applicant.id, "content", { group: group?.key });
  const application = await ensureDraftApplication(applicant.id, content);
  if (!application.registrationType) redirect("/registration/content");
  return { applicant, frame, application };
}
