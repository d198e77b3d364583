// Request bodies against the production build: the login action (like every request but an
// upload form's) is refused past 1 MB with 413 and a short Japanese page, never a 500, and
// nothing is written — also when the body is sent chunked, without a Content-Length; an upload
// page still takes a 4 MB JPEG.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { query } from "./fixtures/db";
import { scenario, startAs } from "./fixtures/kit";
import { readFormFields, readServerActionId } from "./fixtures/server-actions";
import { appUrl } from "./support/environment";
import { chooseRegistrationType, expectTaskDone, taskList } from "./fixtures/wizard";

const MB = 1024 * 1024;

/** The login form's fields as the browser would post them without JavaScript. */
async function loginFormFields(page: Page, loginId: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  const form = page.locator("form", { has: page.getByRole("button", { name: "ログイン" }) });
  return readFormFields(form);
}

/** A multipart/form-data body of `fields`, as a browser encodes a form. */
function multipartBody(fields: Record<string, string>) {
  const boundary = `----e2e${randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}

/** Posts `body` chunked (Transfer-Encoding: chunked, no Content-Length), 64 kB at a time. */
function postChunked(path: string, contentType: string, body: Buffer) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(`${appUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": contentType, Origin: appUrl, "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    request.on("error", reject);
    for (let at = 0; at < body.length; at += 64 * 1024) request.write(body.subarray(at, at + 64 * 1024));
    request.end();
  });
}

const loginState = async (loginId: string) => {
  const [row] = await query<{ id: string; failed_login_count: number }>(
    "SELECT id, failed_login_count FROM applicant WHERE login_id = $1",
    [loginId],
  );
  const [audit] = await query<{ count: string }>("SELECT count(*) FROM audit_log WHERE actor_id = $1", [
    row!.id,
  ]);
  return { failedLogins: row!.failed_login_count, auditRows: Number(audit!.count) };
};

test("a 2 MB post to the login action is refused with 413 and changes nothing, chunked or not", async ({
  page,
}) => {
  const issued = await scenario(page.request, "issued");
  const fields = await loginFormFields(page, issued.loginId, "Wrong-Password-1");
  const before = await loginState(issued.loginId);

  // The login form without JavaScript, with 2 MB more in a field of its own.
  const large = multipartBody({ ...fields, padding: "a".repeat(2 * MB) });
  const refused = await page.request.post("/login", {
    headers: { "Content-Type": large.contentType, Origin: appUrl },
    data: large.body,
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(413);
  expect(refused.headers()["content-type"]).toContain("text/html");
  const page413 = await refused.text();
  expect(page413).toContain("送信できませんでした");
  expect(page413).toContain("1MBまで");

  // As the client router calls it (Next-Action header): the same.
  const viaRouter = await page.request.post("/login", {
    headers: { "Content-Type": large.contentType, Origin: appUrl, "Next-Action": "0".repeat(42) },
    data: large.body,
    maxRedirects: 0,
  });
  expect(viaRouter.status()).toBe(413);

  // Chunked, with no Content-Length to read: counted, and refused the same way.
  const chunked = await postChunked("/login", large.contentType, large.body);
  expect(chunked.status).toBe(413);
  expect(chunked.text).toContain("送信できませんでした");

  // The login action posted to an upload page's address (which takes 12 MB): Next.js hands it on
  // to the login page's address, where the 1 MB limit holds. Not a 500, and not run.
  const loginActionId = await readServerActionId(
    page,
    page.locator("form", { has: page.getByRole("button", { name: "ログイン" }) }),
  );
  const detour = await page.request.post("/registration/content/face-photo", {
    headers: { "Content-Type": large.contentType, Origin: appUrl, "Next-Action": loginActionId },
    data: large.body,
    maxRedirects: 0,
  });
  expect(detour.status()).toBeLessThan(500);

  // Nothing reached the action: no failed login counted, no audit entry.
  expect(await loginState(issued.loginId)).toEqual(before);

  // The same form at its normal size reaches the action (the wrong password is counted).
  const normal = multipartBody(fields);
  const answered = await postChunked("/login", normal.contentType, normal.body);
  expect(answered.status).toBe(200);
  expect((await loginState(issued.loginId)).failedLogins).toBe(before.failedLogins + 1);
});

test("an upload page still takes a 4 MB JPEG", async ({ page }, testInfo) => {
  const width = 2048;
  const height = 1536;
  const bytes = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
  expect(bytes.length).toBeGreaterThan(3.5 * MB);
  expect(bytes.length).toBeLessThan(5 * MB);
  const file = testInfo.outputPath("large-photo.jpg");
  await import("node:fs/promises").then((fs) => fs.writeFile(file, bytes));

  const applicant = await startAs(page, "consented");
  await chooseRegistrationType(page, "簡略型登録");
  await taskList(page).getByRole("link", { name: "顔写真" }).click();
  await page.getByLabel("顔写真", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "次へ" }).click();
  await expectTaskDone(page, "顔写真");
  const stored = await query<{ slot: string }>(
    `SELECT f.slot FROM application_file f JOIN application a ON a.id = f.application_id
     JOIN applicant u ON u.id = a.applicant_id WHERE u.login_id = $1 AND f.replaced_at IS NULL`,
    [applicant.loginId],
  );
  expect(stored.map((row) => row.slot)).toEqual(["face-photo"]);
});
