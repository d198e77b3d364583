// The attack suite (issue 9): every page, route handler and server action found in the code,
// attacked by every kind of caller, with malformed input, and checked for its security headers.
// Prints its figures:
//   authz: N cases, 0 unexpected
//   fuzz k/K: N requests, 0 server errors, 0 unexpected writes (the malformed input: fuzz.spec.ts)
//   headers: N responses, 0 unexpected
// The people and rows are made in SQL (tests/e2e/fixtures/attack-world.ts); "nothing changed" is
// a fingerprint of every row they own (tests/e2e/fixtures/attack-fingerprint.ts).
import { expect, test, type APIResponse } from "@playwright/test";
import {
  listPages,
  listRouteHandlers,
  listServerActions,
  type ServerAction,
} from "../fixtures/attack-inventory";
import { buildWorld, CALLERS, type Caller, type World } from "../fixtures/attack-world";
import { changedGroups, fingerprint, unownedTables } from "../fixtures/attack-fingerprint";
import { callAction, redirectTarget, type Outcome } from "../fixtures/attack-http";
import { ACTION_TABLE, PAGE_TABLE, pagePath, replayArgs, ROUTE_TABLE, type ActionRow } from "./expectations";
import { hostOf, ownersOf, routeRequest } from "./requests";
import { randomUUID } from "node:crypto";
import bcrypt from "bcrypt";
import pg from "pg";
import { appUrl, e2ePorts, httpsAppDirectUrl } from "../support/environment";

// In order, in one worker (the world is made once); a failing test does not skip the others.
test.describe.configure({ mode: "default" });

let world: World;
let actions: ServerAction[];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  actions = listServerActions();
  world = await buildWorld(browser, appUrl);
});

test.afterAll(async () => {
  await world?.dispose();
});

/** Runs `tasks` a few at a time (two cores: more only queues up on the server). */
async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** What a page or action answer means, reading the body when the status alone cannot tell. */
async function outcomeOf(response: APIResponse): Promise<Outcome> {
  const status = response.status();
  if (status >= 500) return "error";
  if (status === 404) return "404";
  if (status === 413) return "413";
  if (status === 401 || status === 403) return "denied";
  let target = redirectTarget(response);
  if (!target && status === 200) {
    const type = response.headers()["content-type"] ?? "";
    if (/text\/html|text\/x-component/.test(type)) {
      const body = await response.text();
      if (/NEXT_HTTP_ERROR_FALLBACK;404/.test(body)) return "404";
      target =
        /http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(body)?.[1]?.replaceAll("&amp;", "&") ??
        /NEXT_REDIRECT;(?:replace|push);([^;"]+);/.exec(body)?.[1] ??
        null;
    }
  }
  if (target) {
    const pathname = new URL(target, appUrl).pathname;
    if (pathname === "/login" || pathname === "/staff/login") return "login";
    if (pathname === "/password/change" || pathname === "/staff/password/change") return "pwchange";
  }
  return "in";
}

test("the table has a row for every page, route handler and server action, and no other", async () => {
  const pages = listPages();
  const routes = listRouteHandlers().map((route) => route.route);
  const actionNames = actions.map((action) => action.name);
  expect(
    pages.filter((page) => !(page in PAGE_TABLE)),
    "pages without a row in PAGE_TABLE",
  ).toEqual([]);
  expect(
    Object.keys(PAGE_TABLE).filter((page) => !pages.includes(page)),
    "rows of pages that no longer exist",
  ).toEqual([]);
  expect(
    routes.filter((route) => !(route in ROUTE_TABLE)),
    "route handlers without a row in ROUTE_TABLE",
  ).toEqual([]);
  expect(
    Object.keys(ROUTE_TABLE).filter((route) => !routes.includes(route)),
    "rows of routes that no longer exist",
  ).toEqual([]);
  expect(
    actionNames.filter((name) => !(name in ACTION_TABLE)),
    "server actions without a row in ACTION_TABLE",
  ).toEqual([]);
  expect(
    Object.keys(ACTION_TABLE).filter((name) => !actionNames.includes(name)),
    "rows of actions that no longer exist",
  ).toEqual([]);
  expect(
    actions.filter((action) => !action.id).map((a) => a.name),
    "actions missing from the build's manifest",
  ).toEqual([]);
  console.log(
    `inventory: ${pages.length} pages, ${routes.length} route handlers, ${actions.length} server actions`,
  );
  const unowned = await unownedTables();
  if (unowned.length > 0)
    console.log(`fingerprint leaves out tables without an owner column: ${unowned.join(", ")}`);
});

interface Case {
  label: string;
  caller: Caller;
  expected: Outcome;
  /** Not between fingerprints (the request may write whatever its outcome). */
  mayWrite?: boolean;
  send: () => Promise<APIResponse>;
}

test("authz: every page, route handler and server action × every caller", async () => {
  test.setTimeout(240_000);
  const cases: Case[] = [];
  for (const [route, row] of Object.entries(PAGE_TABLE)) {
    const path = pagePath(route, world);
    for (const caller of CALLERS)
      cases.push({
        label: `page ${route}`,
        caller,
        expected: row[caller],
        send: () =>
          world.request(caller).get(path, { maxRedirects: 0, failOnStatusCode: false, timeout: 60_000 }),
      });
  }
  for (const handler of listRouteHandlers()) {
    const row = ROUTE_TABLE[handler.route];
    if (!row) continue;
    for (const method of handler.methods.filter(
      (m) => m === "GET" || handler.route !== "/api/auth/[...nextauth]",
    ))
      for (const caller of CALLERS)
        cases.push({
          label: `${method} ${handler.route}`,
          caller,
          expected: row.expect[caller],
          send: () => routeRequest(world.request(caller), method, row.path(world)),
        });
  }
  const ownerCalls: { action: ServerAction; row: ActionRow }[] = [];
  for (const action of actions) {
    const row = ACTION_TABLE[action.name];
    if (!row || !action.id) continue;
    ownerCalls.push({ action, row });
    for (const caller of CALLERS) {
      if (caller === row.owner || row.skip?.[caller]) continue;
      cases.push({
        label: `action ${action.name} (replayed on ${hostOf(action, world)})`,
        caller,
        expected: row.expect[caller],
        mayWrite: row.writesForAnyone,
        // A caller who may use the action replays the owner's harmless arguments; everyone else
        // the arguments that would change something if the action let them through.
        send: () =>
          callAction(
            world.request(caller),
            hostOf(action, world),
            action.id!,
            row.expect[caller] === "in" ? row.ownerArgs(world) : replayArgs(row, world),
          ),
      });
    }
  }

  const unexpected: string[] = [];
  let count = 0;
  const check = async (item: Case) => {
    const response = await item.send();
    const outcome = await outcomeOf(response);
    count += 1;
    if (outcome !== item.expected) {
      const body = (await response.text().catch(() => "")).replace(/\s+/g, " ").slice(0, 160);
      unexpected.push(
        `${item.label} as ${item.caller}: expected ${item.expected}, got ${outcome} (${response.status()} ${redirectTarget(response) ?? ""}) ${body}`,
      );
    }
  };

  // Refused requests first, a few at a time, each batch between two fingerprints: a refused
  // request changes nothing.
  const refused = cases.filter((item) => item.expected !== "in" && !item.mayWrite);
  // Each batch's after is the next batch's before: nothing else writes these owners' rows.
  let refusedBefore = await fingerprint(ownersOf(world));
  for (let i = 0; i < refused.length; i += 6) {
    const batch = refused.slice(i, i + 6);
    const before = refusedBefore;
    await Promise.all(batch.map(check));
    refusedBefore = await fingerprint(ownersOf(world));
    const changed = changedGroups(before, refusedBefore);
    if (changed.length > 0)
      unexpected.push(
        `write by a refused request (${changed.join(", ")}) in: ${batch.map((b) => `${b.label} as ${b.caller}`).join("; ")}`,
      );
  }
  await inBatches(
    cases.filter((item) => item.expected === "in" || item.mayWrite),
    6,
    check,
  );
  // The owners' own calls, one at a time and in table order (利用停止, then its 解除).
  const beforeOwners = await fingerprint(ownersOf(world));
  for (const { action, row } of ownerCalls.sort(
    (a, b) =>
      Object.keys(ACTION_TABLE).indexOf(a.action.name) - Object.keys(ACTION_TABLE).indexOf(b.action.name),
  )) {
    await check({
      label: `action ${action.name} (its owner's call)`,
      caller: row.owner,
      expected: row.ownerExpect ?? "in",
      send: () =>
        callAction(world.request(row.owner), hostOf(action, world), action.id!, row.ownerArgs(world)),
    });
  }

  // The fingerprint does see a write: 利用停止 and its 解除 of the spare staff account (its
  // session version went up).
  const target = `s:${world.staffAccounts.target.id}`;
  if (!changedGroups(beforeOwners, await fingerprint(ownersOf(world))).includes(target))
    unexpected.push(`the fingerprint missed the owner's 利用停止 of ${target}`);

  console.log(`authz: ${count} cases, ${unexpected.length} unexpected`);
  for (const line of unexpected) console.log(`  unexpected: ${line}`);
  expect(unexpected).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Headers and cookies.

test("headers: every page and route handler sends the hardening headers and a fresh CSP nonce", async () => {
  test.setTimeout(120_000);
  const unexpected: string[] = [];
  let responses = 0;
  const targets: { label: string; caller: Caller; path: string; authenticated: boolean }[] = [];
  for (const [route, row] of Object.entries(PAGE_TABLE)) {
    const caller = CALLERS.find((c) => row[c] === "in" && c !== "anonymous") ?? "anonymous";
    targets.push({ label: `page ${route}`, caller, path: pagePath(route, world), authenticated: true });
    if (row.anonymous === "in")
      targets.push({
        label: `page ${route}`,
        caller: "anonymous",
        path: pagePath(route, world),
        authenticated: false,
      });
  }
  for (const [route, row] of Object.entries(ROUTE_TABLE)) {
    const caller = CALLERS.find((c) => row.expect[c] === "in" && c !== "anonymous") ?? "anonymous";
    targets.push({
      label: `route ${route}`,
      caller,
      path: row.path(world),
      authenticated: caller !== "anonymous",
    });
  }
  const nonceOf = (response: APIResponse) =>
    /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

  await inBatches(targets, 4, async (target) => {
    const get = () =>
      world.request(target.caller).get(target.path, { maxRedirects: 0, failOnStatusCode: false });
    const [first, second] = [await get(), await get()];
    responses += 2;
    const headers = first.headers();
    const where = `${target.label} as ${target.caller} (${first.status()})`;
    const csp = headers["content-security-policy"] ?? "";
    const isHtml = /text\/html/.test(headers["content-type"] ?? "");
    if (isHtml || csp) {
      if (!nonceOf(first)) unexpected.push(`${where}: no CSP nonce`);
      else if (nonceOf(first) === nonceOf(second)) unexpected.push(`${where}: the same nonce twice`);
      if (!/frame-ancestors 'none'/.test(csp))
        unexpected.push(`${where}: CSP without frame-ancestors 'none'`);
    }
    if (headers["x-frame-options"] !== "DENY")
      unexpected.push(`${where}: X-Frame-Options ${headers["x-frame-options"]}`);
    if (headers["x-content-type-options"] !== "nosniff")
      unexpected.push(`${where}: X-Content-Type-Options ${headers["x-content-type-options"]}`);
    if (headers["x-powered-by"]) unexpected.push(`${where}: X-Powered-By`);
    const cache = headers["cache-control"] ?? "";
    if ((target.authenticated || target.path.startsWith("/api/files")) && !/no-store/.test(cache))
      unexpected.push(`${where}: Cache-Control "${cache}"`);
    if (target.path.startsWith("/api/files") && !/private/.test(cache))
      unexpected.push(`${where}: file not private: "${cache}"`);
    for (const cookie of first.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")) {
      if (!/;\s*httponly/i.test(cookie.value))
        unexpected.push(`${where}: cookie without HttpOnly: ${cookie.value.split("=")[0]}`);
      if (!/;\s*samesite=(lax|strict)/i.test(cookie.value))
        unexpected.push(`${where}: cookie without SameSite: ${cookie.value.split("=")[0]}`);
    }
  });

  // The session cookies the sign-ins set (http instance: no Secure, no __Secure- prefix needed).
  for (const caller of ["applicantA", "staff"] as const) {
    const cookies = await world.contexts[caller].cookies();
    const session = cookies.find((cookie) => cookie.name.includes("authjs.session-token"));
    if (!session) unexpected.push(`${caller}: no session cookie`);
    else if (!session.httpOnly || session.sameSite !== "Lax")
      unexpected.push(`${caller}: session cookie flags ${JSON.stringify(session)}`);
  }

  console.log(`headers: ${responses} responses, ${unexpected.length} unexpected`);
  for (const line of unexpected) console.log(`  unexpected: ${line}`);
  expect(unexpected).toEqual([]);
});

test("headers over https (APP_URL https behind a TLS proxy): HSTS on every answer, only Secure cookies", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // An applicant of the https instance's own database, signed in through its login form.
  const pool = new pg.Pool({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${e2ePorts.httpsDatabase}/ccus`,
    max: 1,
  });
  const loginId = `${Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join("")}21`;
  const password = `Atk!${randomUUID().replace(/-/g, "").slice(0, 10)}Zq`;
  try {
    await pool.query(
      `INSERT INTO applicant (id, login_id, name, email, password_hash, must_change_password, password_changed_at, updated_at)
       VALUES (gen_random_uuid(), $1, '攻撃 https', $2, $3, false, now(), now())`,
      [
        loginId,
        `https-${randomUUID().slice(0, 8)}@attack-suite.example.com`,
        await bcrypt.hash(password, 10),
      ],
    );
  } finally {
    await pool.end();
  }
  const signedIn = await browser.newContext({ baseURL: httpsAppDirectUrl });
  const anonymous = await browser.newContext({ baseURL: httpsAppDirectUrl });
  const page = await signedIn.newPage();
  await page.goto("/login");
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/menu$/);
  await page.close();

  const unexpected: string[] = [];
  const session = (await signedIn.cookies()).find((cookie) => cookie.name.includes("authjs.session-token"));
  if (!session?.name.startsWith("__Secure-") || !session.secure || !session.httpOnly)
    unexpected.push(`session cookie over https: ${session?.name} secure=${session?.secure}`);

  let responses = 0;
  const targets: { path: string; context: typeof signedIn }[] = [];
  for (const [route, row] of Object.entries(PAGE_TABLE)) {
    if (route.includes("[")) continue; // the https instance has no rows for dynamic pages
    targets.push({ path: route, context: anonymous });
    if (row.applicantA === "in") targets.push({ path: route, context: signedIn });
  }
  for (const path of [
    "/api/health",
    "/api/auth/session",
    "/api/auth/csrf",
    "/api/postal-codes/1000001",
    "/api/files/x",
  ])
    targets.push({ path, context: signedIn });
  await inBatches(targets, 4, async ({ path, context }) => {
    const response = await context.request.get(path, { maxRedirects: 0, failOnStatusCode: false });
    responses += 1;
    const headers = response.headers();
    const where = `https ${path} (${response.status()})`;
    if (!/max-age=\d+/.test(headers["strict-transport-security"] ?? "")) unexpected.push(`${where}: no HSTS`);
    if (headers["x-frame-options"] !== "DENY")
      unexpected.push(`${where}: X-Frame-Options ${headers["x-frame-options"]}`);
    if (headers["x-content-type-options"] !== "nosniff") unexpected.push(`${where}: no nosniff`);
    if (
      /text\/html/.test(headers["content-type"] ?? "") &&
      !/'nonce-/.test(headers["content-security-policy"] ?? "")
    )
      unexpected.push(`${where}: no CSP nonce`);
    const location = headers.location ?? "";
    if (location.startsWith("http://")) unexpected.push(`${where}: redirect to plain http ${location}`);
    for (const cookie of response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie"))
      for (const line of cookie.value.split("\n"))
        if (!/;\s*secure(;|$)/i.test(line))
          unexpected.push(`${where}: cookie without Secure: ${line.split("=")[0]}`);
  });
  await Promise.all([signedIn.close(), anonymous.close()]);

  console.log(`headers over https: ${responses} responses, ${unexpected.length} unexpected`);
  for (const line of unexpected) console.log(`  unexpected: ${line}`);
  expect(unexpected).toEqual([]);
});
