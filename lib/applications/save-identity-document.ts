// Stores the 本人確認書類 choice of a draft application (its images are ApplicationFile rows).
import "server-only";
import { writeEditableApplication } from "@/lib/applications/draft-application";
import type { IdentityDocumentType } from "@/lib/schemas/identity-document";

/** false when the application is no longer editable (sent and not returned): nothing is written. */
export async function saveIdentityDocument(
  applicantId: string,
  documentType: IdentityDocumentType | null,
  isComplete: boolean,
) {
  const row = { documentType, isComplete };
  const saved = await writeEditableApplication(applicantId, (tx, applicationId) =>
    tx.applicationIdentityDocument.upsert({
      where: { applicationId },
      create: { applicationId, ...row },
      update: row,
      select: { applicationId: true },
    }),
  );
  return saved !== null;
}
