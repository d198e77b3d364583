// Looks up an uploaded image for the file route: its owner (to decide who may see it) and where
// its bytes are. Replaced files are found too: staff review submitted versions that show them.
import "server-only";
import { db } from "@/lib/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findStoredFile(fileId: string) {
  if (!UUID.test(fileId)) return null;
  const file = await db.applicationFile.findUnique({
    where: { id: fileId },
    select: {
      id: true,
      storageKey: true,
      application: { select: { applicantId: true } },
    },
  });
  return file
    ? {
        id: file.id,
        storageKey: file.storageKey,
        applicantId: file.application.applicantId,
      }
    : null;
}
