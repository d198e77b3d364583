// お支払いの照合のCSV: the payments of one Japanese day (?date=YYYY-MM-DD), paid or refunded that
// day (lib/payments/reconciliation-report.ts). The route checks the staff session itself (the
// proxy only redirects when there is no cookie at all): nobody signed in goes to the staff login.
// A date that is not a day goes back to the page, which says why. Each download is audited: the
// file holds applicants' names.
import { getCurrentStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import {
  buildReconciliationReport,
  formatReconciliationCsv,
  isCalendarDate,
} from "@/lib/payments/reconciliation-report";

/** A 303 with a relative Location (request.url carries the host the server listens on). */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path } });
}

export async function GET(request: Request) {
  const current = await getCurrentStaff();
  if (!current) return seeOther("/staff/login?reason=signed-out");
  const date = new URL(request.url).searchParams.get("date") ?? "";
  if (!isCalendarDate(date)) {
    return seeOther(`/staff/payments?${new URLSearchParams({ date: date.slice(0, 20) }).toString()}`);
  }
  const report = await buildReconciliationReport(date);
  await recordAudit(db, {
    actorType: "staff",
    actorId: current.staff.id,
    action: "payments.reconciliation-exported",
    ip: (await getRequestContext()).ip,
    at: now(),
    details: { date, rows: report.rows.length },
  });
  return new Response(formatReconciliationCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="payments-${date.replaceAll("-", "")}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
