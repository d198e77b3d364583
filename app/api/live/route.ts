// Liveness: the process serves requests. No database, so a database outage never gets the
// instance restarted by its supervisor (docs/deploy.md).
import { noStore } from "@/lib/lifecycle/readiness";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: noStore });
}
