// Two instances of the production build behind nginx (round robin), one PostgreSQL, the SMTP sink
// (issue 13): the applicant's wizard runs across both instances, both running the outbox worker
// (each email once); staff decide on one while the other sends the email; one instance is killed
// (SIGKILL) in the middle of a journey and the journey completes on the other; a test namespace's
// clock moved through one instance puts the other in the maintenance window too. Which instance answered is the X-Instance response header
// (INSTANCE_ID); nginx's access log says the same from the balancer's side.
import type { Page } from "@playwright/test";
import { cardImage, facePhotoImage } from "../e2e/fixtures/images";
import { changePassword, logIn, newPassword } from "../e2e/fixtures/journey";
import * as wizard from "../e2e/fixtures/wizard";
import {
  deliveredCount,
  emailsTo,
  expect,
  hour,
  query,
  scenario,
  test,
  testApiToken,
  withoutMailWorker,
  type Served,
} from "./fixtures";

const RECEIPT_SUBJECT = "技能者情報登録申請受付のお知らせ";
const COMPLETED_SUBJECT = "技能者情報登録完了のお知らせ";

/** The 簡略型 groups after 本人情報, each saved with 次へ. */
const laterGroups = (page: Page): [string, () => Promise<void>][] => [
  ["本人確認書類", () => wizard.fillIdentityDocument(page, cardImage)],
  ["顔写真", () => wizard.fillFacePhoto(page, facePhotoImage)],
  ["所属事業者情報", () => wizard.fillEmployer(page)],
  ["職種", () => wizard.fillJobTypes(page)],
  ["社会保険（健康保険・年金保険・雇用保険）", () => wizard.fillSocialInsurance(page, cardImage)],
];

async function saveGroups(page: Page, groups: [string, () => Promise<void>][]) {
  for (const [label, fill] of groups) {
    await fill();
    await wizard.next(page);
    await wizard.expectTaskDone(page, label);
  }
}

/** The check page, 申請する, the completion page; returns the 申請番号. */
async function sendApplication(page: Page): Promise<string> {
  await page.getByRole("link", { name: "申請内容の確認へ進む" }).click();
  await expect(page).toHaveURL(/\/registration\/confirm$/);
  await page.getByRole("button", { name: "申請する" }).click();
  await expect(page).toHaveURL(/\/registration\/complete$/);
  await expect(page.getByRole("heading", { name: "申請完了", level: 1 })).toBeVisible();
  const number = (await page.locator("dt:text-is('申請番号') + dd").textContent())?.trim() ?? "";
  expect(number).toMatch(/^\d{8}-\d{6,}$/);
  return number;
}

/** The applicant's applications and their submissions (one each, however the requests went). */
async function applicationsOf(cluster: Parameters<typeof query>[0], loginId: string) {
  return query<{ status: string; application_number: string | null; submissions: string }>(
    cluster,
    `SELECT a.status, a.application_number,
            (SELECT count(*) FROM application_submission s WHERE s.application_id = a.id) AS submissions
       FROM application a JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1`,
    [loginId],
  );
}

const instancesOf = (served: Served[]) => [...new Set(served.map((entry) => entry.instance))].sort();
const serverErrors = (served: Served[]) => served.filter((entry) => entry.status >= 500);

test("an applicant signs in on one instance and finishes the 簡略型 wizard across both", async ({
  page,
  cluster,
  servedBy,
}) => {
  const applicant = await scenario(cluster, "issued");

  // Sign in with the 申請用パスワード, change it, sign in again: sessions are database rows.
  await logIn(page, applicant.loginId, applicant.password);
  await expect(page).toHaveURL(/\/password\/change$/);
  const password = newPassword();
  await changePassword(page, applicant.password, password);
  await expect(page).toHaveURL(/\/login\?reason=password-changed$/);
  await logIn(page, applicant.loginId, password);
  await expect(page).toHaveURL(/\/menu$/);

  await wizard.giveBothConsents(page);
  await wizard.chooseRegistrationType(page, "簡略型登録");
  await wizard.fillPersonalInfo(page, applicant.email);
  await wizard.next(page);
  await wizard.expectTaskDone(page, "本人情報");
  await saveGroups(page, laterGroups(page));
  const applicationNumber = await sendApplication(page);

  // Both instances served the journey's pages and its server actions (POST), none failed.
  const served = servedBy.all;
  expect(served.every((entry) => entry.instance === "app1" || entry.instance === "app2")).toBe(true);
  expect(instancesOf(served.filter((entry) => entry.method === "GET"))).toEqual(["app1", "app2"]);
  expect(instancesOf(served.filter((entry) => entry.method === "POST"))).toEqual(["app1", "app2"]);
  expect(serverErrors(served)).toEqual([]);
  // nginx's own log agrees: it sent this journey's requests to both upstreams.
  const upstreams = new Set((await cluster.accessLog()).flatMap((entry) => entry.upstreams));
  for (const instance of cluster.instances) expect(upstreams).toContain(`127.0.0.1:${instance.port}`);

  // One application, sent once; the receipt email once (the sink's count).
  expect(await applicationsOf(cluster, applicant.loginId)).toEqual([
    { status: "SUBMITTED", application_number: applicationNumber, submissions: "1" },
  ]);
  // Both instances run an outbox worker: every email arrived once (none twice).
  expect(await deliveredCount(cluster, applicant.email, RECEIPT_SUBJECT)).toBe(1);
  expect(await deliveredCount(cluster, applicant.email, "パスワード変更のお知らせ")).toBe(1);
  const subjects = (await emailsTo(cluster, applicant.email)).map((mail) => mail.subject);
  expect(subjects.length).toBeGreaterThanOrEqual(2);
  expect(new Set(subjects).size).toBe(subjects.length);
});

test("staff decide on one instance while the other sends the email, once", async ({
  page,
  cluster,
  servedBy,
}) => {
  const [app1, app2] = cluster.instances;
  // app1 comes back without its outbox worker: what app1 queues, only app2 can send.
  withoutMailWorker.add(0);
  await app1!.kill("SIGKILL");
  await app1!.start();
  const applicant = await scenario(cluster, "submitted");
  const staff = await scenario(cluster, "staff");
  await page.goto(staff.signInUrl!);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/applications");
  await page.getByLabel("検索語").fill(applicant.applicationNumber!);
  await page.getByRole("button", { name: "検索する" }).click();
  await page.getByRole("link", { name: applicant.applicationNumber! }).click();
  await expect(page.getByRole("heading", { name: "申請内容の審査", level: 1 })).toBeVisible();

  // app2 is gone while staff decide: the decision is app1's.
  await app2!.kill("SIGKILL");
  const mark = servedBy.mark();
  await page.getByRole("button", { name: "承認" }).click();
  await expect(page.getByText("承認しました")).toBeVisible();
  const decision = servedBy.since(mark);
  expect(decision.some((entry) => entry.method === "POST")).toBe(true);
  expect(instancesOf(decision)).toEqual(["app1"]);
  expect(serverErrors(decision)).toEqual([]);
  const [decided] = await query<{ status: string; technician_id: string | null }>(
    cluster,
    "SELECT status, technician_id FROM application WHERE application_number = $1",
    [applicant.applicationNumber],
  );
  expect(decided?.status).toBe("COMPLETED");
  // Queued in the same transaction as the decision, and waiting: app1 does not send.
  const outbox = () =>
    query<{ status: string }>(
      cluster,
      "SELECT status FROM email_outbox WHERE to_address = $1 AND template = 'registration-completed'",
      [applicant.email],
    );
  expect((await outbox()).map((row) => row.status)).toEqual(["QUEUED"]);

  // app2 comes back; its worker sends the email, once.
  await app2!.start();
  expect(await deliveredCount(cluster, applicant.email, COMPLETED_SUBJECT)).toBe(1);
  expect((await outbox()).map((row) => row.status)).toEqual(["SENT"]);
  expect(app1!.running()).toBe(true);
  const [reviews] = await query<{ count: string }>(
    cluster,
    `SELECT count(*) FROM application_review r JOIN application a ON a.id = r.application_id
      WHERE a.application_number = $1`,
    [applicant.applicationNumber],
  );
  expect(reviews?.count).toBe("1");
  withoutMailWorker.delete(0);
});

test("one instance is killed in the middle of the wizard; the journey completes on the other", async ({
  page,
  cluster,
  servedBy,
}) => {
  const applicant = await scenario(cluster, "consented");
  await page.goto(applicant.signInUrl!);
  await expect(page).toHaveURL(/\/registration\/content$/);
  await wizard.chooseRegistrationType(page, "簡略型登録");
  await wizard.fillPersonalInfo(page, applicant.email);
  await wizard.next(page);
  await wizard.expectTaskDone(page, "本人情報");
  await saveGroups(page, laterGroups(page).slice(0, 2));
  expect(instancesOf(servedBy.all)).toEqual(["app1", "app2"]);

  // The instance that answered last dies at once (no graceful shutdown); nginx passes over it.
  const lastServer = servedBy.all.at(-1)!.instance;
  const victim = cluster.instances.find((instance) => instance.name === lastServer)!;
  const survivor = cluster.instances.find((instance) => instance !== victim)!;
  await victim.kill("SIGKILL");
  expect(victim.running()).toBe(false);
  const mark = servedBy.mark();
  await saveGroups(page, laterGroups(page).slice(2));
  const applicationNumber = await sendApplication(page);

  const after = servedBy.since(mark);
  expect(instancesOf(after)).toEqual([survivor.name]);
  expect(serverErrors(after)).toEqual([]);
  expect(await applicationsOf(cluster, applicant.loginId)).toEqual([
    { status: "SUBMITTED", application_number: applicationNumber, submissions: "1" },
  ]);
  // If app1 still runs without an outbox worker (the test before), the receipt waits for app2.
  if (survivor.name === "app1") await victim.start();
  expect(await deliveredCount(cluster, applicant.email, RECEIPT_SUBJECT)).toBe(1);
});

test("a namespace's clock set through one instance puts the other in the maintenance window too", async ({
  cluster,
}) => {
  await Promise.all(cluster.instances.map((instance) => instance.start()));
  const [app1, app2] = cluster.instances;
  const ns = `cluster-clock-${Date.now().toString(36)}`;
  const kit = (url: string, init: RequestInit = {}) =>
    fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${testApiToken}`, "content-type": "application/json" },
    });
  const loginStatus = async (url: string, namespace?: string) =>
    (await fetch(`${url}/login`, { headers: namespace ? { "x-test-namespace": namespace } : {} })).status;
  expect(await loginStatus(app2!.url, ns)).toBe(200);

  // Moved on app1 into the window (73 hours ahead); app2 follows within its 250-ms cache.
  const moved = await kit(`${app1!.url}/__test__/clock`, {
    method: "POST",
    body: JSON.stringify({ ns, offsetSeconds: (73 * hour) / 1000 }),
  });
  expect(moved.status, await moved.clone().text()).toBe(200);
  await expect.poll(() => loginStatus(app2!.url, ns), { timeout: 5_000 }).toBe(503);
  expect(await loginStatus(app1!.url, ns)).toBe(503);
  expect(await loginStatus(cluster.url, ns)).toBe(503);
  // Other requests keep real time.
  expect(await loginStatus(app2!.url)).toBe(200);

  const reset = await kit(`${app2!.url}/__test__/clock?ns=${ns}`, { method: "DELETE" });
  expect(reset.status).toBe(200);
  await expect.poll(() => loginStatus(app1!.url, ns), { timeout: 5_000 }).toBe(200);
});
