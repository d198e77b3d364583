// 同意記録のCSV (administrators only): streamed as it is read, a batch at a time. The page's form
// POSTs here; a GET exports nothing and writes no audit row (it only goes back to the form), so a
// link, a prefetch or an <img> cannot start an audited export. The route checks the session itself
// (the proxy only redirects when there is no cookie at all): nobody signed in is sent to the staff
// login, a 職員 (STAFF) gets the same 404 as the other administrators' pages. A filter that does not
// parse goes back to the form, which shows why.
import { getCurrentStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseConsentExportFilter } from "@/lib/consents/consent-export-filter";
import { consentCsvChunks } from "@/lib/consents/export-consents";
import { formatJstCompactDate } from "@/lib/format/jst-day";

const FORM_PATH = "/staff/consents";

/**
 * A 303 to a path of this site, with a relative Location: `request.url` carries the host the
 * server listens on (e.g. localhost), not the one the browser used, and a form's redirect to
 * another origin is blocked by the CSP's form-action 'self'.
 */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path } });
}

function plainPage(status: 403 | 404, title: string, text: string): Response {
  const body = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const notFoundPage = () =>
  plainPage(404, "ページが見つかりません", "お探しのページは見つかりませんでした。URLを確認してください。");

/**
 * Like Next.js's own check on server actions: a browser's POST from another site carries its
 * Origin, which must name the host this request came to. (The session cookie is SameSite=Lax as
 * well, so this is the second lock, not the only one.)
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

type Admin = NonNullable<Awaited<ReturnType<typeof getCurrentStaff>>>;

/** The administrator making the request, or the answer for anyone else (login or 404). */
async function authorizeAdmin(): Promise<Admin | Response> {
  const current = await getCurrentStaff();
  if (!current) return seeOther("/staff/login?reason=signed-out");
  if (current.staff.role !== "ADMIN") return notFoundPage();
  return current;
}

/**
 * Only the address bar or an old bookmark gets here: an administrator goes back to the form with
 * the filter, nothing is exported or audited; anyone else gets the same answer as for a POST.
 */
export async function GET(request: Request) {
  const current = await authorizeAdmin();
  if (current instanceof Response) return current;
  const search = new URL(request.url).searchParams;
  const back = new URLSearchParams();
  for (const key of ["from", "to"]) {
    const value = search.get(key);
    if (value) back.set(key, value.slice(0, 40));
  }
  const query = back.toString();
  return seeOther(query ? `${FORM_PATH}?${query}` : FORM_PATH);
}

export async function POST(request: Request) {
  const current = await authorizeAdmin();
  if (current instanceof Response) return current;
  if (!isSameOrigin(request)) {
    return plainPage(
      403,
      "ダウンロードできません",
      "このページの「同意記録をCSVでダウンロード」ボタンからダウンロードしてください。",
    );
  }

  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    // Not a form body: read as an empty filter (the whole export), like an empty form.
  }
  const field = (key: string) => {
    const value = form?.get(key);
    return typeof value === "string" ? value : "";
  };
  const filter = parseConsentExportFilter({ from: field("from"), to: field("to") });
  if (Object.keys(filter.errors).length > 0) {
    const back = new URLSearchParams({ from: filter.values.from, to: filter.values.to });
    return seeOther(`${FORM_PATH}?${back.toString()}`);
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
