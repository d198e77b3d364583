// Security headers, the per-request CSP nonce, the session cookie's flags, and that no page of
// the journey shows a password or a hash.
import { expect, test, type Page } from "@playwright/test";
import {
  changePassword,
  issueApplicant,
  logIn,
  newPassword,
  sessionCookie,
  signInAsStaff,
  uniqueEmail,
} from "./fixtures/journey";

// Each test makes its applicants through the UI (staff sign-in, issue, email, login, change):
// about 20 s alone, and two to three times that with two workers on a two-CPU machine.

/** The directives of a CSP header, by name. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Collects the Content Security Policy violations Chromium reports on the console. */
function watchCspViolations(page: Page, where: string, into: string[]) {
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text()))
      into.push(`${where} ${page.url()}: ${message.text()}`);
  });
}

test("the login page sends a nonce CSP and the hardening headers; its scripts carry the nonce", async ({
  page,
}) => {
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();

  const csp = parseCsp(headers["content-security-policy"] ?? "");
  const scriptSources = csp.get("script-src") ?? [];
  const nonceSource = scriptSources.find((source) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(source));
  expect(nonceSource, `script-src has a nonce: ${scriptSources.join(" ")}`).toBeDefined();
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(scriptSources).not.toContain("'unsafe-eval'");
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script element of the page carries this response's nonce (the browser hides the
  // attribute after parsing; the property keeps it).
  const nonce = nonceSource!.slice("'nonce-".length, -1);
  const scripts = await page.locator("script").evaluateAll((elements) =>
    elements.map((element) => ({
      src: element.getAttribute("src"),
      nonce: (element as HTMLScriptElement).nonce,
    })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect(script.nonce, `nonce of script ${script.src ?? "(inline)"}`).toBe(nonce);
  }

  // A new nonce for every response.
  const again = await page.request.get("/login");
  const nextNonce = (parseCsp(again.headers()["content-security-policy"] ?? "").get("script-src") ?? []).find(
    (source) => source.startsWith("'nonce-"),
  );
  expect(nextNonce).toBeDefined();
  expect(nextNonce).not.toBe(nonceSource);
});

test("a whole journey runs without a CSP violation; the session cookie is HttpOnly and SameSite=Lax; no page shows a password or hash", async ({
  browser,
}) => {
  const violations: string[] = [];
  const email = uniqueEmail("security");

  // Staff: issue an ID; the result page and the applicant list never show the password or a hash.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  watchCspViolations(staff, "staff", violations);
  await signInAsStaff(staff);
  const staffCookie = await sessionCookie(staff);
  expect(staffCookie, "staff session cookie").toBeDefined();
  expect(staffCookie!.httpOnly).toBe(true);
  expect(staffCookie!.sameSite).toBe("Lax");
  const issued = await issueApplicant(staff, "安全 確認", email);
  for (const html of [await staff.content(), await (await staff.request.get(staff.url())).text()]) {
    expect(html).toContain(issued.loginId);
    expect(html).not.toContain(issued.temporaryPassword);
    expect(html).not.toContain("$2b$");
  }
  await staff.goto("/staff/applicants");
  await expect(staff.getByRole("cell", { name: issued.loginId })).toBeVisible();
  for (const html of [await staff.content(), await (await staff.request.get("/staff/applicants")).text()]) {
    expect(html).not.toContain(issued.temporaryPassword);
    expect(html).not.toContain("$2b$");
  }

  // Applicant: the emailed URL, the forced change, the menu, the registration notice.
  const applicantContext = await browser.newContext();
  const applicant = await applicantContext.newPage();
  watchCspViolations(applicant, "applicant", violations);
  await applicant.goto(issued.loginUrl);
  await logIn(applicant, issued.loginId, issued.temporaryPassword);
  await expect(applicant).toHaveURL(/\/password\/change$/);
  const password = newPassword();
  await changePassword(applicant, issued.temporaryPassword, password);
  await expect(applicant).toHaveURL(/\/login\?reason=password-changed$/);
  await logIn(applicant, issued.loginId, password);
  await expect(applicant).toHaveURL(/\/menu$/);

  const cookie = await sessionCookie(applicant);
  expect(cookie, "applicant session cookie").toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.path).toBe("/");
  expect(await applicant.evaluate(() => document.cookie)).not.toContain("authjs.session-token");

  await applicant
    .getByRole("navigation", { name: "メニュー" })
    .getByRole("link", { name: "10_登録申請" })
    .click();
  await applicant.getByRole("button", { name: "はい" }).click();
  await expect(applicant).toHaveURL(/\/registration\/consent\/personal-info$/);
  const stepsHtml = await applicant.content();
  expect(stepsHtml).not.toContain(password);
  expect(stepsHtml).not.toContain("$2b$");

  // Back to staff: the list now shows the applicant as active, still without secrets.
  await staff.reload();
  const listHtml = await staff.content();
  expect(listHtml).not.toContain(password);
  expect(listHtml).not.toContain("$2b$");

  expect(violations, violations.join("\n")).toEqual([]);
  await staffContext.close();
  await applicantContext.close();
});
