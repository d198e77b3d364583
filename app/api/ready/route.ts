// Readiness for the balancer: 200 while the database answers and this server is not shutting
// down; 503 otherwise (docs/deploy.md).
import { checkReadiness, noStore } from "@/lib/lifecycle/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness },
    { status: readiness === "ready" ? 200 : 503, headers: noStore },
  );
}
