// Issue 14: a form page's first-load JavaScript holds neither zod nor react-hook-form. The form's
// shared zod schema is fetched once the user starts on the form (components/form/use-server-form.ts),
// and then the browser shows the schema's messages without a round trip; when the schema cannot be
// fetched (offline), the form is posted and the server's check gives the same messages.
import { expect, test, type Page, type Response } from "@playwright/test";
import { LIBRARY_MARKS, librariesIn } from "./support/first-load-libraries";

const isScript = (response: Response) => response.request().resourceType() === "script";

/** Every script the page fetched, with the libraries found in it (collected as they arrive). */
function recordScripts(page: Page) {
  const scripts: Promise<{ url: string; libraries: string[] }>[] = [];
  page.on("response", (response) => {
    if (!isScript(response)) return;
    scripts.push(response.text().then((body) => ({ url: response.url(), libraries: librariesIn(body) })));
  });
  return async () => Promise.all(scripts);
}

const hasZod = async (response: Response) =>
  isScript(response) && (await response.text()).includes(LIBRARY_MARKS.zod);

test("ログイン loads zod only when the form is first used; the browser check then stops an empty form", async ({
  page,
}) => {
  const scripts = recordScripts(page);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  const firstLoad = await scripts();
  expect(firstLoad.length, "the page loads scripts").toBeGreaterThan(0);
  expect(firstLoad.filter((script) => script.libraries.length > 0)).toEqual([]);

  const schemaLoaded = page.waitForResponse(hasZod);
  await page.getByLabel("ログインID").focus();
  await schemaLoaded;

  await page.getByLabel("ログインID").fill("12345");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.locator("#password-error")).toContainText("パスワードを入力してください。");
  await expect(
    page.getByRole("alert").filter({ hasText: "入力内容を確認してください" }).getByRole("link"),
  ).toHaveText(["パスワードを入力してください。"]);
  await expect(page.getByLabel("ログインID")).toHaveValue("12345");
  expect(posts, "nothing was sent: the browser's check answered").toEqual([]);
});

test("without the schema (offline) the form is posted and the server gives the same messages", async ({
  page,
}) => {
  const scripts = recordScripts(page);
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  const firstLoad = new Set((await scripts()).map((script) => script.url));
  // Every script not fetched yet (the schema's chunk among them) fails, as on a lost connection.
  await page.route("**/_next/static/**", (route) =>
    firstLoad.has(route.request().url()) ? route.continue() : route.abort("internetdisconnected"),
  );

  await page.getByLabel("ログインID").fill("12345");
  const posted = page.waitForRequest((request) => request.method() === "POST");
  await page.getByRole("button", { name: "ログイン" }).click();
  await posted;
  await expect(page.locator("#password-error")).toContainText("パスワードを入力してください。");
  await expect(page.getByRole("alert").filter({ hasText: "入力内容を確認してください" })).toBeVisible();
  await expect(page.getByLabel("ログインID")).toHaveValue("12345");
});
