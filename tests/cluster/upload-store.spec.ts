// Uploads with FILE_STORAGE=s3 on a store that really fails (issue 13): s3rver in its own process on
// a tmpfs (scripts/bench/support/full-disk-store.ts: root or an unprivileged user namespace), one instance of the production
// build. With the disk full or the store stopped, the page answers (never a 500) with the Japanese
// message beside the field and in the error summary, keeps what was chosen, writes no file row;
// /api/files answers 503; once the store is back the same form saves.
import { randomBytes } from "node:crypto";
import { expect, test as base, type Page } from "@playwright/test";
import pg from "pg";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { startFullDiskStore, type FullDiskStore } from "../../scripts/bench/support/full-disk-store";
import { cardImage, facePhotoImage } from "../e2e/fixtures/images";
import { chooseRegistrationType, expectTaskDone, taskList } from "../e2e/fixtures/wizard";

const STORE_DOWN =
  "画像の保存先に接続できないため、この画像は保存していません。しばらくしてから、もう一度画像を選んで送信してください。";
const testApiToken = randomBytes(32).toString("base64url");
const ns = `store-${randomBytes(4).toString("hex")}`;

const test = base.extend<object, { store: FullDiskStore; cluster: Cluster }>({
  store: [
    async ({}, provide) => {
      const store = await startFullDiskStore();
      await provide(store);
      await store.close();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  cluster: [
    async ({ store }, provide) => {
      const cluster = await startCluster({
        instances: 1,
        balancer: false,
        env: { TEST_MODE: "on", TEST_API_TOKEN: testApiToken, BCRYPT_COST: "10", ...store.env },
      });
      await provide(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ cluster }, provide) => provide(cluster.url),
});

// A test that fills or stops the store leaves it working.
test.afterEach(async ({ store }) => {
  await store.free();
  if (!store.isRunning()) await store.start();
});

async function signedIn(page: Page, cluster: Cluster, persona: string) {
  const response = await fetch(`${cluster.url}/__test__/scenarios`, {
    method: "POST",
    headers: { authorization: `Bearer ${testApiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ persona, ns }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const scenario = (await response.json()) as { loginId: string; signInUrl: string };
  await page.goto(scenario.signInUrl);
  return scenario;
}

async function filesOf(cluster: Cluster, loginId: string) {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string; slot: string }>(
      `SELECT f.id, f.slot FROM application_file f
       JOIN application a ON a.id = f.application_id JOIN applicant u ON u.id = a.applicant_id
       WHERE u.login_id = $1 AND f.replaced_at IS NULL ORDER BY f.slot`,
      [loginId],
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

/** Every answer of the server to the page's own requests that was a 5xx, image reads left out. */
function serverErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 500 && !path.startsWith("/api/files/"))
      errors.push(`${response.status()} ${path}`);
  });
  return errors;
}

test("disk full: 本人確認書類 says so beside each image and in the summary, keeps the type, stores nothing", async ({
  page,
  cluster,
  store,
}) => {
  const errors = serverErrors(page);
  const applicant = await signedIn(page, cluster, "consented");
  await chooseRegistrationType(page, "簡略型登録");
  await taskList(page).getByRole("link", { name: "本人確認書類" }).click();

  await store.fill();
  await page.getByLabel("運転免許証", { exact: true }).check();
  await page.getByLabel("運転免許証の表面").setInputFiles(cardImage);
  await page.getByLabel("運転免許証の裏面").setInputFiles(cardImage);
  await page.getByRole("button", { name: "次へ" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(STORE_DOWN);
  await expect(page.locator("#identityFront-error")).toContainText(STORE_DOWN);
  await expect(page.locator("#identityBack-error")).toContainText(STORE_DOWN);
  await expect(page.getByLabel("運転免許証", { exact: true })).toBeChecked();
  expect(await filesOf(cluster, applicant.loginId)).toEqual([]);

  await store.free();
  await page.getByLabel("運転免許証の表面").setInputFiles(cardImage);
  await page.getByLabel("運転免許証の裏面").setInputFiles(cardImage);
  await page.getByRole("button", { name: "次へ" }).click();
  await expectTaskDone(page, "本人確認書類");
  expect((await filesOf(cluster, applicant.loginId)).map((file) => file.slot)).toEqual([
    "identity-back",
    "identity-front",
  ]);
  expect(errors).toEqual([]);
});

test("store stopped: the 顔写真 is refused with the message, the stored one stays; its image answers 503", async ({
  page,
  cluster,
  store,
}) => {
  const errors = serverErrors(page);
  const applicant = await signedIn(page, cluster, "simple-filled");
  const before = await filesOf(cluster, applicant.loginId);
  const photo = before.find((file) => file.slot === "face-photo");
  expect(photo).toBeDefined();
  expect((await page.request.get(`/api/files/${photo!.id}`)).status()).toBe(200);

  await store.stop();
  const image = await page.request.get(`/api/files/${photo!.id}`);
  expect(image.status()).toBe(503);
  expect(await image.text()).toContain("画像の保存先に接続できないため");

  await page.goto("/registration/content/face-photo");
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await page.getByRole("button", { name: "一時保存" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
  await expect(summary).toContainText(STORE_DOWN);
  await expect(page.locator("#facePhoto-error")).toContainText(STORE_DOWN);
  expect(await filesOf(cluster, applicant.loginId)).toEqual(before);

  await store.start();
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(facePhotoImage);
  await page.getByRole("button", { name: "一時保存" }).click();
  await expect(page.getByText("一時保存しました。")).toBeVisible();
  expect((await filesOf(cluster, applicant.loginId)).find((file) => file.slot === "face-photo")?.id).not.toBe(
    photo!.id,
  );
  expect(errors).toEqual([]);
});
