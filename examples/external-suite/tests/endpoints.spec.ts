// Ten short tests, one or more per test-kit endpoint, written as another team would: only the
// portal's address, the token and @ccus/playwright-kit.
import {
  CorrectionPage,
  KitError,
  LoginPage,
  MenuPage,
  StaffHomePage,
  expect,
  test,
} from "@ccus/playwright-kit";

const idEmailSubject = "申請用ログインID・パスワードのお知らせ";

test("gate: without the token every /__test__/ address answers the ordinary not-found page", async ({
  request,
  kit,
  ns,
}) => {
  const unknownPage = await request.get("/no-such-page-here");
  const withoutToken = await request.post("/__test__/scenarios", { data: { persona: "active", ns } });
  const wrongToken = await request.post("/__test__/scenarios", {
    data: { persona: "active", ns },
    headers: { authorization: `Bearer ${"x".repeat(40)}` },
  });
  for (const response of [withoutToken, wrongToken]) {
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("text/html");
  }
  expect(unknownPage.status()).toBe(404);
  // With the token the same address works.
  const scenario = await kit.createScenario({ persona: "active", ns });
  expect(scenario.loginId).toMatch(/^\d{14}$/);
});

test("scenarios: パスワード変更済み signs in through its one-time URL and lands at the menu", async ({
  page,
  persona,
  ns,
}) => {
  const active = await persona("active");
  expect(active).toMatchObject({ ns, persona: "active", role: "applicant", landingPath: "/menu" });
  expect(active.email).toMatch(new RegExp(`^${ns}\\.active\\.\\d+@example\\.jp$`));
  const menu = new MenuPage(page);
  await expect(page).toHaveURL(/\/menu$/);
  await menu.expectLoaded();
  await expect(menu.registrationLink).toBeVisible();
  // The ticket is single-use: a second visit is the ordinary 404.
  const again = await page.request.get(active.signInUrl!, { maxRedirects: 0 });
  expect(again.status()).toBe(404);
});

test("scenarios: 不備 lands on 20_申請の修正; its email lists the two returned items; state says RETURNED", async ({
  page,
  persona,
  kit,
  mail,
}) => {
  const returned = await persona("不備");
  await new CorrectionPage(page).expectLoaded();
  const email = await mail.waitFor({ to: returned.email, subject: "不備", timeout: 20_000 });
  expect(email.fields.returnedItems).toHaveLength(2);
  expect(email.fields.applicationNumber).toBe(returned.applicationNumber);
  const state = await kit.applicant(returned.loginId!);
  expect(state?.application?.status).toBe("RETURNED");
  expect(state?.application?.applicationNumber).toBe(returned.applicationNumber);
  expect(state?.account.mustChangePassword).toBe(false);
});

test("scenarios: a 管理者 signs in at the staff menu; a ロック中 applicant cannot sign in", async ({
  page,
  persona,
}) => {
  const admin = await persona("admin");
  expect(admin.role).toBe("admin");
  const home = new StaffHomePage(page);
  await home.expectLoaded();
  await expect(home.accountsLink).toBeVisible();

  const locked = await persona("locked");
  expect(locked.signInUrl).toBeNull();
  const login = new LoginPage(page);
  await home.logout();
  await login.goto();
  await login.login(locked.loginId!, locked.password);
  await expect(login.alert.first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("mail: the ID email of 申請ID発行済み is captured and its fields parsed (wait)", async ({
  persona,
  mail,
}) => {
  const issued = await persona("issued", { signIn: false });
  const message = await mail.waitFor({ to: issued.email, subject: idEmailSubject, timeout: 20_000 });
  expect(message.To[0]?.Address).toBe(issued.email);
  expect(message.Subject).toContain(idEmailSubject);
  expect(message.fields.loginId).toBe(issued.loginId);
  expect(message.fields.temporaryPassword).toBe(issued.password);
  expect(message.fields.loginUrl).toMatch(/\/login$/);
});

test("mail: Mailpit API — messages, search, message by ID and latest, delete; wait times out with 408", async ({
  kit,
  persona,
  mail,
}) => {
  const issued = await persona("issued", { signIn: false });
  await mail.waitFor({ to: issued.email, subject: idEmailSubject, timeout: 20_000 });

  const all = await kit.mail.messages({ start: 0, limit: 50 });
  expect(all.total).toBeGreaterThanOrEqual(1);
  const found = await kit.mail.search(`to:${issued.email} subject:"${idEmailSubject}"`);
  expect(found.messages).toHaveLength(1);
  const id = found.messages[0]!.ID;
  const message = await kit.mail.message(id);
  expect(message.Text).toContain(issued.loginId!);
  expect((await kit.mail.message("latest")).ID).toBeTruthy();

  await kit.mail.delete({ ids: [id] });
  expect((await kit.mail.search(`to:${issued.email}`)).messages).toHaveLength(0);

  const timedOut = await kit.mail
    .waitFor({ to: issued.email, subject: "来ないメール", timeout: 500 })
    .catch((error: unknown) => error);
  expect(timedOut).toBeInstanceOf(KitError);
  expect((timedOut as KitError).status).toBe(408);
});

test("clock: set an instant or an offset, read it back, clear it", async ({ clock, ns }) => {
  const set = await clock.set("2026-12-03T20:30:00+09:00");
  expect(set.ns).toBe(ns);
  expect(Math.abs(Date.parse(set.now) - Date.parse("2026-12-03T20:30:00+09:00"))).toBeLessThan(5_000);
  const read = await clock.get();
  expect(Date.parse(read.now)).toBeGreaterThanOrEqual(Date.parse(set.now));
  const shifted = await clock.set({ offsetSeconds: 3600 });
  expect(shifted.offsetSeconds).toBe(3600);
  const cleared = await clock.clear();
  expect(cleared.offsetSeconds).toBe(0);
  expect(Math.abs(Date.parse(cleared.now) - Date.now())).toBeLessThan(60_000);
});

test("clock: a namespace moved into the maintenance window sees the maintenance page; another does not", async ({
  page,
  clock,
  browser,
}) => {
  // Wednesday 03:00 in Japan: inside MAINTENANCE_WINDOWS (playwright.config.ts).
  await clock.set("2026-12-09T03:00:00+09:00");
  const response = await page.goto("/login");
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1, name: "ただいまメンテナンス中です" })).toBeVisible();

  // A browser without the namespace cookie lives on real time.
  const other = await browser.newPage();
  const ordinary = await other.goto("/login");
  expect(ordinary?.status()).toBe(200);
  await other.close();
});

test("faults: set merges, null clears, DELETE clears all; a failing postal lookup is what the page sees", async ({
  page,
  persona,
  faults,
}) => {
  await persona("active");
  const lookup = () => page.request.get("/api/postal-codes/1130021");
  expect((await lookup()).status()).toBe(200);

  const first = await faults.set({ postalLookup: "fail" });
  expect(first.faults).toEqual({ postalLookup: "fail" });
  const merged = await faults.set({ actions: { saveEmployerAction: { delayMs: 500 } } });
  expect(merged.faults).toEqual({ postalLookup: "fail", actions: { saveEmployerAction: { delayMs: 500 } } });
  expect((await lookup()).ok()).toBe(false);

  const cleared = await faults.set({ postalLookup: null });
  expect(cleared.faults).toEqual({ actions: { saveEmployerAction: { delayMs: 500 } } });
  expect((await lookup()).status()).toBe(200);
  expect((await faults.clear()).faults).toEqual({});
  expect((await faults.get()).faults).toEqual({});
});

test("reset and state: a namespace's accounts go, others stay; an unknown login ID is null", async ({
  kit,
  ns,
}) => {
  const mine = `${ns}-reset`;
  const applicant = await kit.createScenario({ persona: "submitted", ns: mine });
  const staff = await kit.createScenario({ persona: "staff", ns: mine });
  const bystander = await kit.createScenario({ persona: "submitted", ns });
  expect(staff.role).toBe("staff");
  expect((await kit.applicant(applicant.loginId!))?.application?.status).toBe("SUBMITTED");

  const result = await kit.reset(mine);
  expect(result.ns).toBe(mine);
  expect(result.deleted.applicants).toBe(1);
  expect(result.deleted.staff).toBe(1);
  expect(await kit.applicant(applicant.loginId!)).toBeNull();
  expect((await kit.applicant(bystander.loginId!))?.ns).toBe(ns);
  expect(await kit.applicant("19999999999999")).toBeNull();
});
