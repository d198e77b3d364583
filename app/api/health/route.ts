// Database reachability for the test harness and existing callers (its shape is kept): 200
// {"status":"ok"}, or 503 with "database-unavailable" / "draining". The balancer uses /api/ready,
// a supervisor /api/live (docs/deploy.md).
import { checkReadiness, noStore } from "@/lib/lifecycle/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  if (readiness === "ready") return Response.json({ status: "ok" }, { headers: noStore });
  return Response.json({ status: readiness }, { status: 503, headers: noStore });
}
