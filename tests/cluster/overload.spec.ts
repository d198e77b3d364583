// An instance held at its bound (scripts/server.ts, lib/lifecycle/admission.ts; docs/deploy.md,
// Overload): one production server started as `npm start` with MAX_CONCURRENT_REQUESTS=1 and
// MAX_QUEUED_REQUESTS=1. While one request is being answered (the test kit's mail wait, held on
// the server) and one waits, every further page request is answered at once with 503, Retry-After
// and the plain page (Japanese, or the applicant's language with the Japanese below); the probes still answer 200; a waiting request whose client hung up
// is never rendered (opening a 通知 marks it read: it stays unread); and once the held request ends,
// the instance answers pages again. `next start` (before the bound) rendered all of them.
import { expect, test as base } from "@playwright/test";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { DATABASE_UNAVAILABLE_HEADING } from "./unavailable-page";
import { query, scenario, testApiToken } from "./fixtures";

const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, provide) => {
      const cluster = await startCluster({
        instances: 1,
        balancer: false,
        env: {
          TEST_MODE: "on",
          TEST_API_TOKEN: testApiToken,
          BCRYPT_COST: "10",
          MAX_CONCURRENT_REQUESTS: "1",
          MAX_QUEUED_REQUESTS: "1",
        },
      });
      await provide(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session cookie of a fresh applicant in `persona`'s state (the kit's sign-in address). */
async function signIn(cluster: Cluster, persona: string) {
  const account = await scenario(cluster, persona);
  const response = await fetch(account.signInUrl!, { redirect: "manual" });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair.includes("authjs.session-token"))
    .join("; ");
  expect(cookie).not.toBe("");
  return { cookie, loginId: account.loginId };
}

const unreadNotices = async (cluster: Cluster, loginId: string) =>
  query<{ id: string }>(
    cluster,
    `SELECT n.id FROM notice n JOIN applicant a ON a.id = n.applicant_id
      WHERE a.login_id = $1 AND n.read_at IS NULL ORDER BY n.created_at`,
    [loginId],
  );

test("at its bound the instance answers 503 + Retry-After at once, keeps its probes, and renders no request whose client left", async ({
  cluster,
}) => {
  const { cookie, loginId } = await signIn(cluster, "returned");
  const [notice] = await unreadNotices(cluster, loginId);
  expect(notice, "the returned persona has an unread 通知").toBeDefined();
  const url = (path: string) => new URL(path, cluster.url).href;

  // 1. The one place: a request the server holds for 8 s (waiting for an email that never comes).
  const held = fetch(url("/__test__/mail/wait?to=nobody%40example.jp&timeout=8000"), {
    headers: { authorization: `Bearer ${testApiToken}` },
  });
  await sleep(1_000);
  // 2. The one place in line: opening the 通知, whose client hangs up while it waits.
  const leaving = new AbortController();
  const queued = fetch(url(`/notices/${notice!.id}`), { headers: { cookie }, signal: leaving.signal });
  queued.catch(() => {});
  await sleep(1_000);

  // 3. Everything else: 503 at once, with Retry-After and the plain page: Japanese, or in the
  // applicant's language with the Japanese below it (issue 15); a staff page Japanese whatever the cookie.
  const started = Date.now();
  const english = { cookie: "ccus-locale=en" };
  const asked = [
    ...Array.from({ length: 4 }, () => ({ path: "/login", headers: {} })),
    { path: "/login", headers: english },
    { path: "/staff/login", headers: english },
  ];
  const refused = await Promise.all(
    asked.map(async ({ path, headers }) => {
      const response = await fetch(url(path), { headers });
      return {
        english: path === "/login" && headers === english,
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        html: await response.text(),
      };
    }),
  );
  expect(Date.now() - started).toBeLessThan(3_000);
  for (const answer of refused) {
    expect(answer.status).toBe(503);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.html).toContain(answer.english ? '<html lang="en">' : '<html lang="ja">');
    expect(answer.html).toContain(
      answer.english
        ? "<h1>The system is temporarily unavailable</h1>"
        : `<h1>${DATABASE_UNAVAILABLE_HEADING}</h1>`,
    );
    expect(answer.html.includes(`<section lang="ja"><h2>${DATABASE_UNAVAILABLE_HEADING}</h2>`)).toBe(
      answer.english,
    );
  }
  // The balancer's probes still answer: the instance is alive (and ready) while full.
  expect((await fetch(url("/api/live"))).status).toBe(200);
  expect((await fetch(url("/api/ready"))).status).toBe(200);

  // 4. The waiting client hangs up; then the held request ends (408: no email).
  leaving.abort();
  expect((await held).status).toBe(408);
  await sleep(500);
  expect((await fetch(url("/login"))).status).toBe(200);
  // The 通知 was never rendered: still unread.
  expect((await unreadNotices(cluster, loginId)).map((row) => row.id)).toContain(notice!.id);
  // Rendering it does mark it read (so the check above can fail).
  const opened = await fetch(url(`/notices/${notice!.id}`), { headers: { cookie } });
  expect(opened.status).toBe(200);
  expect((await unreadNotices(cluster, loginId)).map((row) => row.id)).not.toContain(notice!.id);
});
