// next-auth's own endpoints (issue 9): /api/auth/session shows the browser nothing it could use
// (no session id, no token), and POST /api/auth/signout ends the server-side session row, so a
// copy of the cookie taken before the sign-out opens nothing afterwards.
import { expect, test } from "@playwright/test";
import { findApplicantByLoginId, query } from "./fixtures/db";
import { startAs } from "./fixtures/kit";

async function openSessionIds(applicantId: string) {
  const rows = await query<{ id: string }>(
    "SELECT id FROM auth_session WHERE applicant_id = $1 AND revoked_at IS NULL",
    [applicantId],
  );
  return rows.map((row) => row.id);
}

test("/api/auth/session shows neither the session id nor any token", async ({ page }) => {
  const applicant = await startAs(page, "active");
  const { id } = await findApplicantByLoginId(applicant.loginId);
  const [sessionId] = await openSessionIds(id);
  expect(sessionId).toBeTruthy();

  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const text = await response.text();
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["expires"]);
  expect(text).not.toContain(sessionId!);
  expect(text).not.toMatch(/sid|token|ticket|user/i);
  // The page itself still knows who is signed in (the server reads the cookie, not this answer).
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);
});

test("POST /api/auth/signout ends the server-side session, so an old copy of the cookie is dead", async ({
  page,
  browser,
}) => {
  const applicant = await startAs(page, "active");
  const { id } = await findApplicantByLoginId(applicant.loginId);
  const [sessionId] = await openSessionIds(id);
  expect(sessionId).toBeTruthy();
  const copiedCookies = await page.context().cookies();

  // next-auth's own sign-out, as its GET page's form posts it (CSRF token included).
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signout = await page.request.post("/api/auth/signout", {
    form: { csrfToken: csrf.csrfToken },
    maxRedirects: 0,
  });
  expect(signout.status()).toBeLessThan(500);
  expect(await openSessionIds(id)).toEqual([]);
  const audit = await query<{ details: unknown }>(
    "SELECT details FROM audit_log WHERE action = 'logout' AND actor_id = $1",
    [id],
  );
  expect(audit).toEqual([{ details: { via: "next-auth-signout" } }]);

  // The cookie as it was before the sign-out, replayed from another browser: signed out.
  const replay = await browser.newContext();
  await replay.addCookies(copiedCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/menu");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});

test("a POST to /api/auth/signout without next-auth's CSRF token ends nothing", async ({ page }) => {
  const applicant = await startAs(page, "active");
  const { id } = await findApplicantByLoginId(applicant.loginId);
  const before = await openSessionIds(id);
  expect(before).toHaveLength(1);
  const response = await page.request.post("/api/auth/signout", { form: {}, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  expect(await openSessionIds(id)).toEqual(before);
  await page.goto("/menu");
  await expect(page).toHaveURL(/\/menu$/);
});
