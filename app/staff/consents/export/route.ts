// 同意記録のCSV (staff only): streamed as it is read, a batch at a time. Checks the staff session
// itself (the proxy only redirects when there is no cookie at all); anyone else is sent to the
// staff login. A filter that does not parse goes back to the form, which shows why.
import type { NextRequest } from "next/server";
import { getCurrentStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseConsentExportFilter } from "@/lib/consents/consent-export-filter";
import { consentCsvChunks } from "@/lib/consents/export-consents";
import { formatJstCompactDate } from "@/lib/format/jst-day";

/**
 * A 303 to a path of this site, with a relative Location: `request.url` carries the host the
 * server listens on (e.g. localhost), not the one the browser used, and a form's redirect to
 * another origin is blocked by the CSP's form-action 'self'.
 */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path } });
}

export async function GET(request: NextRequest) {
  const current = await getCurrentStaff();
  if (!current) return seeOther("/staff/login?reason=signed-out");

  const search = request.nextUrl.searchParams;
  const filter = parseConsentExportFilter({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (Object.keys(filter.errors).length > 0) {
    const back = new URLSearchParams({ from: filter.values.from, to: filter.values.to });
    return seeOther(`/staff/consents?${back.toString()}`);
  }

  const at = now();
  await recordAudit(db, {
    actorType: "staff",
    actorId: current.staff.id,
    action: "consents.exported",
    ip: (await getRequestContext()).ip,
    at,
    details: { from: filter.range.from, to: filter.range.to },
  });

  const chunks = consentCsvChunks(filter.range);
  const encoder = new TextEncoder();
  // pull: the next batch is read only when the client has taken the previous one.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const period = [filter.range.from, filter.range.to].map((d) => d?.replaceAll("-", "") ?? "").join("-");
  const fileName = `consent-records-${period === "-" ? formatJstCompactDate(at) : period}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
