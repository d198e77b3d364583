// The locator contract: every applicant and staff page, reached through the test kit's scenarios,
// is compared with its section of docs/locators.md (heading, landmarks, labels, buttons) and with
// its ARIA snapshot baseline (tests/e2e/locator-contract/<page>.aria.yml), and each page object of
// @ccus/playwright-kit must find its heading there. LOCATORS_UPDATE=1 rewrites both instead.
// Each page is also checked with HTML_CodeSniffer (tests/e2e/fixtures/htmlcs.ts).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../../packages/playwright-kit/src/index";
import {
  ariaBaselineDir,
  contractFromAriaSnapshot,
  docHeader,
  locatorsDocPath,
  readLocatorsDoc,
  renderSection,
  sectionOf,
  stableAriaSnapshotOf,
} from "./support/locator-contract";
import { e2eTestApiToken } from "./support/environment";
import { expectNoHtmlcsErrors } from "./fixtures/htmlcs";
import { pages, personaIn, type Entry, type Reach } from "./support/portal-pages";

const updating = process.env.LOCATORS_UPDATE === "1";

test.use({ kitOptions: { token: e2eTestApiToken } });
// Checking: every page is its own test, spread over the workers. Updating (LOCATORS_UPDATE=1):
// one worker in page order, so the whole document can be written at the end.
test.describe.configure({ mode: updating ? "default" : "parallel" });

const sections = new Map<string, string>();
const runTag = Date.now().toString(36);

async function check(entry: Entry, reach: Reach) {
  const { page } = reach;
  await entry.reach(reach);
  const pageObject = new entry.pageObject(page);
  await pageObject.expectLoaded();

  const contract = contractFromAriaSnapshot(await page.locator("body").ariaSnapshot(), entry.ignore);
  const section = renderSection(
    { id: entry.id, path: pageObject.path, pageObject: entry.pageObject.name, reachedAs: entry.reachedAs },
    contract,
  );
  const baselinePath = path.join(ariaBaselineDir, `${entry.id}.aria.yml`);
  const scope = (entry.ariaScope ?? ((p: Page) => p.getByRole("main")))(page);
  if (updating) {
    sections.set(entry.id, section);
    await mkdir(ariaBaselineDir, { recursive: true });
    await writeFile(baselinePath, await stableAriaSnapshotOf(scope));
    return;
  }
  expect
    .soft(section.trimEnd(), `docs/locators.md section "${entry.id}" (run npm run locators:update)`)
    .toBe(sectionOf(await readLocatorsDoc(), entry.id)?.trimEnd());
  await expect(scope).toMatchAriaSnapshot(await readFile(baselinePath, "utf8"));
  // Every page once, including those no other spec checks with axe (the axe pass runs it in
  // each state it visits): the WCAG2AA check auditors run from outside.
  await expectNoHtmlcsErrors(page, entry.id);
}

test.describe("locator contract", () => {
  for (const entry of pages) {
    test(`${entry.id}: docs/locators.md and the ARIA baseline match the page`, async ({
      page,
      kit,
      ns: workerNs,
    }) => {
      // Each page has its own namespace (or shares the worker's, sharedSignedIn), so its scenarios
      // are the first of their persona there and the seeded names, addresses and dates are the same
      // in every run.
      const ns = `lc-${entry.id}-${runTag}`;
      const persona = personaIn(kit, page, ns);
      try {
        await check(entry, { page, persona, kit, ns, workerNs });
      } finally {
        await kit.reset(ns);
      }
    });
  }

  test.afterAll(async () => {
    if (!updating) return;
    // A run limited to some pages (--grep) rewrites their sections and keeps the others as written;
    // a page that has none yet stays out (and its check fails until it is generated).
    const written = await readLocatorsDoc();
    const sectionFor = (id: string) => sections.get(id) ?? sectionOf(written, id)?.trimEnd().concat("\n");
    const missing = pages.filter((entry) => !sectionFor(entry.id)).map((entry) => entry.id);
    if (missing.length > 0) console.warn(`docs/locators.md has no section yet for: ${missing.join(", ")}`);
    const collected = pages.flatMap((entry) => sectionFor(entry.id) ?? []);
    await writeFile(locatorsDocPath, `${docHeader}\n${collected.join("\n")}`);
  });
});
