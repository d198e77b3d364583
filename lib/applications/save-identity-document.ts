// Stores the 本人確認書類 choice of a draft application (its images are ApplicationFile rows).
import "server-only";
import { db } from "@/lib/db";
import { editableApplicationId } from "@/lib/applications/draft-application";
import type { IdentityDocumentType } from "@/lib/schemas/identity-document";

export async function saveIdentityDocument(
  applicantId: string,
  documentType: IdentityDocumentType | null,
  isComplete: boolean,
) {
  const applicationId = await editableApplicationId(applicantId);
  if (!applicationId) return false;
  const row = { documentType, isComplete };
  await db.applicationIdentityDocument.upsert({
    where: { applicationId },
    create: { applicationId, ...row },
    update: row,
  });
  return true;
}
