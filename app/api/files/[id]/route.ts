// An uploaded image of an application, for its own applicant and for staff. Everyone else, a
// malformed id and a missing file get the same 404, so the answer never tells that a file exists.
import { getCurrentApplicant, getCurrentStaff } from "@/lib/dal/session";
import { findStoredFile } from "@/lib/files/find-stored-file";
import { fileStorage } from "@/lib/files/storage";
import { requestLog } from "@/lib/log";

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function notFound() {
  return new Response("Not Found", {
    status: 404,
    headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Staff see every file; an applicant (past the forced password change) only their own. */
async function mayView(ownerApplicantId: string): Promise<boolean> {
  if (await getCurrentStaff()) return true;
  const current = await getCurrentApplicant();
  return (
    current !== null && !current.applicant.mustChangePassword && current.applicant.id === ownerApplicantId
  );
}

export async function GET(request: Request, { params }: RouteContext<"/api/files/[id]">) {
  const { id } = await params;
  const file = await findStoredFile(id);
  if (!file || !(await mayView(file.applicantId))) return notFound();
  let bytes: Uint8Array | null;
  try {
    bytes = await fileStorage().get(file.storageKey);
  } catch (error) {
    // The file store is unreachable or failing: say so (503), not a 500; the image can be fetched again.
    requestLog(request.headers).error("file storage: could not read a file", {
      errorName: (error as Error).name,
    });
    return new Response(
      "画像の保存先に接続できないため、画像を表示できません。しばらくしてから、もう一度お試しください。",
      {
        status: 503,
        headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30" },
      },
    );
  }
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...privateHeaders,
      "Content-Type": "image/jpeg",
      "Content-Disposition": `inline; filename="${file.id}.jpg"`,
    },
  });
}
