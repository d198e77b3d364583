// The progress of a bulk issuance job as JSON, for the progress page's polling. Staff only:
// anyone else (and an unknown job) gets the same 404.
import { auth } from "@/lib/auth/next-auth";
import { findValidSession } from "@/lib/auth/sessions";
import { findBulkIssueProgress } from "@/lib/bulk-issue/find-jobs";
import { now } from "@/lib/clock";
import { sessionPolicy } from "@/lib/auth/policies";
import { db } from "@/lib/db";

const privateHeaders = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The staff check of requireStaff, but this request does not count as activity (touch: false):
 * a page left open while a long job runs must not keep its session from timing out.
 */
async function isSignedInStaff(): Promise<boolean> {
  const sessionId = (await auth())?.sessionId;
  if (!sessionId) return false;
  const session = await findValidSession(db, sessionId, sessionPolicy(), now(), { touch: false });
  if (!session || session.role !== "STAFF") return false;
  const staff = await db.staffUser.findUnique({
    where: { id: session.userId },
    select: { mustChangePassword: true },
  });
  return staff !== null && !staff.mustChangePassword;
}

export async function GET(
  _request: Request,
  { params }: RouteContext<"/staff/applicants/bulk/[jobId]/status">,
) {
  const { jobId } = await params;
  const progress = (await isSignedInStaff()) ? await findBulkIssueProgress(jobId) : null;
  if (!progress) return Response.json({ error: "not found" }, { status: 404, headers: privateHeaders });
  return Response.json(progress, { headers: privateHeaders });
}
