// Stores the 本人確認書類 choice of a draft application (its images are ApplicationFile rows).
import "server-only";
import { db } from "@/lib/db";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import type { IdentityDocumentType } from "@/lib/schemas/identity-document";

export async function saveIdentityDocument(
  applicantId: string,
  documentType: IdentityDocumentType | null,
  isComplete: boolean,
) {
  const application = await ensureDraftApplication(applicantId);
  if (application.status !== "DRAFT") return false;
  const row = { documentType, isComplete };
  await db.applicationIdentityDocument.upsert({
    where: { applicationId: application.id },
    create: { applicationId: application.id, ...row },
    update: row,
  });
  return true;
}
