// 郵便番号 lookup for the 本人情報 form (signed-in applicants only).
import { NextResponse } from "next/server";
import { findAddressByPostalCode } from "@/lib/address/postal-lookup";
import { getCurrentApplicant } from "@/lib/dal/session";

export async function GET(_request: Request, { params }: RouteContext<"/api/postal-codes/[code]">) {
  if (!(await getCurrentApplicant())) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const { code } = await params;
  const address = await findAddressByPostalCode(code.normalize("NFKC").replace(/\D/g, ""));
  if (!address) return NextResponse.json({ error: "not-found" }, { status: 404 });
  return NextResponse.json(address, { headers: { "Cache-Control": "private, max-age=86400" } });
}
