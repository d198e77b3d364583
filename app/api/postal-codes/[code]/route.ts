// 郵便番号 lookup for the 本人情報 form (signed-in applicants past the forced password change: until
// then only the change itself is allowed, as for every other applicant request).
import { NextResponse } from "next/server";
import { findAddressByPostalCode } from "@/lib/address/postal-lookup";
import { getCurrentApplicant } from "@/lib/dal/session";
import { postalLookupFails } from "@/lib/test-kit/faults";

export async function GET(_request: Request, { params }: RouteContext<"/api/postal-codes/[code]">) {
  const current = await getCurrentApplicant();
  if (!current || current.applicant.mustChangePassword) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  // Test kit fault (issue 10): answers as when the lookup is down; the page says what it says then.
  if (await postalLookupFails()) return NextResponse.json({ error: "unavailable" }, { status: 503 });
  const { code } = await params;
  const address = await findAddressByPostalCode(code.normalize("NFKC").replace(/\D/g, ""));
  if (!address) return NextResponse.json({ error: "not-found" }, { status: 404 });
  return NextResponse.json(address, { headers: { "Cache-Control": "private, max-age=86400" } });
}
