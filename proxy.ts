// Runs before every request: maintenance and an unreachable database (503 + Retry-After), CSP nonce and security headers,
// and redirects to a login page when there is no session cookie at all (only for pages: an API
// route such as /api/files answers 404 itself, never a redirect). It only redirects:
// every page and action checks the session itself (lib/dal/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { nowForRequest } from "@/lib/test-kit/clock";
import { getEnv } from "@/lib/env";
import { findMaintenanceWindow, parseMaintenanceWindows, type MaintenanceWindow } from "@/lib/maintenance";
import {
  renderDatabaseUnavailablePage,
  renderMaintenancePage,
  unavailableHeaders,
} from "@/lib/maintenance-page";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db-availability";
import { buildContentSecurityPolicy } from "@/lib/security-headers";
import { refuseTooLargeBody } from "@/lib/request-body-limit";
import { badRequestResponse, isDecodablePath, malformedServerActionCall } from "@/lib/server-action-guard";
import { strictTransportSecurityFor } from "@/lib/net/app-url";
import { FORWARDING_HEADERS, isTrustedPeer } from "@/lib/net/client-address";
import { configuredTrustedProxies, peerAddressOf } from "@/lib/net/request-address";
import { signInTicketOf, TEST_KIT_REFUSED_PATH, testKitGate } from "@/lib/test-kit/gate";
import { isLiveSignInTicket } from "@/lib/test-kit/sign-in-ticket";
import { REQUEST_ID_HEADER } from "@/lib/log";
import { chooseRequestId } from "@/lib/net/request-id";
import { LOCALE_COOKIE, setRequestLocale } from "@/lib/i18n/request-locale";
import { resolveLocale } from "@/lib/i18n/resolve";
import { isStaffPath, STAFF_LOGIN_PATH } from "@/lib/staff-area";

let parsedWindows: { spec: string; windows: MaintenanceWindow[] } | undefined;

function maintenanceWindows(): MaintenanceWindow[] {
  const spec = getEnv().MAINTENANCE_WINDOWS;
  if (parsedWindows?.spec !== spec) parsedWindows = { spec, windows: parseMaintenanceWindows(spec) };
  return parsedWindows.windows;
}

/** The balancer's and supervisor's probes answer in a maintenance window too (docs/deploy.md). */
const PROBE_PATHS = ["/api/health", "/api/ready", "/api/live"];

const applicantPaths = [
  "/menu",
  "/registration",
  "/correction",
  "/notices",
  "/password/change",
  "/payment",
  "/withdraw",
  "/upgrade",
];
const hasSessionCookie = (request: NextRequest) =>
  request.cookies.getAll().some((cookie) => cookie.name.includes("authjs.session-token"));
const startsWithAny = (path: string, prefixes: string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** X-Request-Id from a proxy in TRUSTED_PROXIES, else a new one (lib/net/request-id.ts). */
const requestIdOf = (request: NextRequest) =>
  chooseRequestId(
    request.headers.get(REQUEST_ID_HEADER),
    isTrustedPeer(peerAddressOf(request.headers), configuredTrustedProxies()),
  );

// Every answer carries the request id (X-Request-Id) and, when INSTANCE_ID is set, the instance
// that served it (X-Instance): an operator finds a user's request in the logs by either.
export async function proxy(request: NextRequest) {
  const requestId = requestIdOf(request);
  const response = await answer(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  const instance = getEnv().INSTANCE_ID;
  if (instance) response.headers.set("X-Instance", instance);
  return response;
}

async function answer(request: NextRequest, requestId: string) {
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildContentSecurityPolicy(nonce, env.NODE_ENV === "development");
  const path = request.nextUrl.pathname;
  // HSTS follows APP_URL at run time (behind a TLS proxy this server itself speaks plain http).
  const hsts = strictTransportSecurityFor(env.APP_URL);
  // The database is down or restarting (lib/db-availability.ts, an in-memory flag set by a failed
  // database call and cleared by its probe): 503 with Retry-After and a plain page, not a 500.
  // The probes keep their own answers (docs/deploy.md).
  // The two 503 pages (database unavailable, maintenance) answer alike, in the language a page
  // would be in (staff paths Japanese), with the Japanese below it (lib/maintenance-page.ts).
  const unavailable = (html: string, retryAfterSeconds: number) =>
    new NextResponse(html, { status: 503, headers: unavailableHeaders({ csp, hsts, retryAfterSeconds }) });
  const pageLocale = () =>
    resolveLocale({
      pathname: path,
      cookie: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    });
  if (!PROBE_PATHS.includes(path) && isDatabaseUnavailable()) {
    return unavailable(
      renderDatabaseUnavailablePage({ nonce, locale: pageLocale() }),
      DATABASE_RETRY_AFTER_SECONDS,
    );
  }
  // The test kit's gate comes first (lib/test-kit/gate.ts): a /__test__/ address passes only in
  // test mode with the token (or a sign-in ticket) — and then even in a maintenance window, since
  // a suite sets the clock into one; any other is treated exactly as an unknown page.
  let kitGate = testKitGate(request);
  // A used, expired or made-up sign-in ticket: the ordinary 404 page too.
  const signInTicket = kitGate === "allow" ? signInTicketOf(path) : null;
  if (signInTicket !== null && !(await isLiveSignInTicket(signInTicket))) kitGate = "refuse";

  if (!PROBE_PATHS.includes(path) && kitGate !== "allow") {
    const windows = maintenanceWindows();
    // Outside Next's request store: the test namespace's clock from its header/cookie (issue 10).
    const at = await nowForRequest(request.headers);
    const current = findMaintenanceWindow(at, windows);
    if (env.MAINTENANCE_MODE || current) {
      const retryAfter = current
        ? Math.max(60, Math.ceil((current.end.getTime() - at.getTime()) / 1000))
        : 600;
      return unavailable(
        renderMaintenancePage({ nonce, locale: pageLocale(), endsAt: current?.end ?? null, windows }),
        retryAfter,
      );
    }
  }

  if (!hasSessionCookie(request) && request.method === "GET") {
    const loginPath = startsWithAny(path, applicantPaths)
      ? "/login?reason=signed-out"
      : isStaffPath(path) && path !== STAFF_LOGIN_PATH
        ? `${STAFF_LOGIN_PATH}?reason=signed-out`
        : null;
    if (loginPath) {
      const redirect = NextResponse.redirect(new URL(loginPath, request.url));
      // Over https every answer carries HSTS, the sign-in redirects included.
      if (hsts) redirect.headers.set("Strict-Transport-Security", hsts);
      return redirect;
    }
  }

  // 1 MB for every body but an upload form's 12 MB, whatever a server action would take: 413.
  const tooLarge = await refuseTooLargeBody(request, {
    nonce,
    headers: { "Content-Security-Policy": csp, ...(hsts ? { "Strict-Transport-Security": hsts } : {}) },
  });
  if (tooLarge) return tooLarge;

  // A path or a server-action body that Next.js would fail on with a 500: 400 instead.
  if (!isDecodablePath(path) || (await malformedServerActionCall(request))) {
    return badRequestResponse({
      "Content-Security-Policy": csp,
      ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
    });
  }

  const requestHeaders = new Headers(request.headers);
  // X-Forwarded-Host/-Proto/-For count only from a proxy in TRUSTED_PROXIES: from anyone else
  // they are the client's own claims, which Next.js (the server-action origin check) and
  // next-auth would otherwise act on.
  if (!isTrustedPeer(peerAddressOf(request.headers), configuredTrustedProxies())) {
    for (const name of FORWARDING_HEADERS) requestHeaders.delete(name);
  }
  // Overwrites a client-sent one: the app's logs carry the id chosen above.
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Next.js takes the nonce for its own scripts from the request's CSP (no other copy is read).
  requestHeaders.set("Content-Security-Policy", csp);
  // The page's language (issue 15): staff pages Japanese, else the applicant's choice or guess.
  setRequestLocale(requestHeaders, path, request.cookies.get(LOCALE_COOKIE)?.value);
  const response =
    kitGate === "refuse"
      ? NextResponse.rewrite(new URL(TEST_KIT_REFUSED_PATH, request.url), {
          request: { headers: requestHeaders },
        })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  // Set here, the header wins over the route's own; uploaded images and receipts are also marked private.
  response.headers.set(
    "Cache-Control",
    startsWithAny(path, ["/api/files", "/payment/receipt"]) ? "private, no-store" : "no-store",
  );
  return response;
}

// Next's own paths are left alone: static files, images, and the development server's
// hot-reload socket (a response from here breaks its WebSocket upgrade, and with it the page's
// scripts in `npm run dev`).
export const config = {
  matcher: [{ source: "/((?!_next/|favicon.ico).*)" }],
};
