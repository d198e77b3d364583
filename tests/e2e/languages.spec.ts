// Every applicant page in every language (issue 15): each page of the locator contract is reached
// once (tests/e2e/support/portal-pages.ts), then shown in each language through the language
// cookie. In each: <html lang> follows, no Japanese is left outside the system's fixed names
// (lib/i18n/system-names.ts) and parts marked lang="ja" (the applicant's own data, Japanese
// documents), やさしい日本語 has furigana (<ruby>) on every kanji of its text, axe passes, and the
// page's accessible names match its language's locator catalogue (docs/locators/<locale>.md;
// LOCATORS_UPDATE=1 writes it). E2E_LANGUAGES=ja-x-easy,en walks only those languages.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, chooseLanguage } from "../../packages/playwright-kit/src/index";
import { applicantPages, personaIn } from "./support/portal-pages";
import { contractFromAriaSnapshot, renderSection, sectionOf } from "./support/locator-contract";
import { e2eTestApiToken } from "./support/environment";
import { expectNoAxeViolations } from "./fixtures/axe";
import { japaneseLeftIn } from "./support/untranslated";
import { LOCALE_INFO, LOCALES, type Locale } from "../../lib/i18n/locales";

const updating = process.env.LOCATORS_UPDATE === "1";
const chosen = process.env.E2E_LANGUAGES?.split(",").map((code) => code.trim());
const languages = LOCALES.filter((locale) => locale !== "ja" && (!chosen || chosen.includes(locale)));
const catalogueDir = path.resolve("docs/locators");
const catalogueOf = (locale: Locale) => path.join(catalogueDir, `${locale}.md`);

/**
 * What やさしい日本語 leaves unread: kanji in the page's text that is not the base of a <ruby>, and
 * the reading notation (《》) left raw anywhere — text, attributes, <title>, <option>s (there the
 * readings must be dropped, lib/i18n/ruby.tsx withoutRuby). Parts marked with a language of their
 * own (lang="ja": the applicant's data, the registration office's words, the Japanese documents;
 * the switcher's language names) are the Japanese as written and are left out, as are <option>s
 * and <optgroup>s, which can hold only text, what is neither shown nor read ([hidden],
 * aria-hidden: the hidden submit buttons that make Enter mean 次へ), and a kanji quoted alone as a
 * character (「々」).
 */
async function kanjiWithoutReading(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    const isMarkedLanguage = (element: Element) => element.closest("[lang]") !== root;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (!element || !text || element.closest("script, style, noscript, template")) continue;
      if (/[《》]/u.test(text)) found.push(`notation: ${text}`);
      else if (element.closest("title, option, optgroup, ruby, [hidden], [aria-hidden='true']")) continue;
      else if (isMarkedLanguage(element)) continue;
      else if (/\p{Script=Han}/u.test(text.replace(/「\p{Script=Han}」/gu, ""))) found.push(text);
    }
    for (const element of document.querySelectorAll("*")) {
      for (const { name, value } of element.attributes) {
        if (/[《》]/u.test(value)) found.push(`notation in ${element.localName}[${name}]: ${value}`);
      }
    }
    return found;
  });
}

test.use({ kitOptions: { token: e2eTestApiToken } });
test.describe.configure({ mode: updating ? "default" : "parallel" });

const sections = new Map<Locale, Map<string, string>>(languages.map((locale) => [locale, new Map()]));
const runTag = Date.now().toString(36);

test.describe("every applicant page in every language", () => {
  for (const entry of applicantPages) {
    test(`${entry.id}`, async ({ page, kit, ns: workerNs, baseURL }) => {
      test.setTimeout(120_000);
      const ns = `lang-${entry.id}-${runTag}`;
      const persona = personaIn(kit, page, ns);
      try {
        await entry.reach({ page, persona, kit, ns, workerNs });
        const pageObject = new entry.pageObject(page);
        await pageObject.expectLoaded();
        const address = page.url();
        for (const locale of languages) {
          await chooseLanguage(page.context(), baseURL!, locale);
          await page.goto(address);
          await expect(page.locator("html")).toHaveAttribute("lang", LOCALE_INFO[locale].htmlLang);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

          if (locale === "ja-x-easy") {
            expect
              .soft(await kanjiWithoutReading(page), `${entry.id} (${locale}): kanji without furigana`)
              .toEqual([]);
          } else {
            expect(
              await japaneseLeftIn(page, locale),
              `${entry.id} (${locale}): Japanese left in the page`,
            ).toEqual([]);
          }
          await expectNoAxeViolations(page, `${entry.id} (${locale})`);

          const contract = contractFromAriaSnapshot(await page.locator("body").ariaSnapshot(), entry.ignore);
          const section = renderSection(
            {
              id: entry.id,
              path: pageObject.path,
              pageObject: entry.pageObject.name,
              reachedAs: entry.reachedAs,
            },
            contract,
          );
          if (updating) {
            sections.get(locale)!.set(entry.id, section);
          } else {
            const written = await readFile(catalogueOf(locale), "utf8").catch(() => "");
            expect
              .soft(
                section.trimEnd(),
                `docs/locators/${locale}.md section "${entry.id}" (npm run locators:update)`,
              )
              .toBe(sectionOf(written, entry.id)?.trimEnd());
          }
        }
      } finally {
        await kit.reset(ns);
      }
    });
  }

  test.afterAll(async () => {
    if (!updating) return;
    await mkdir(catalogueDir, { recursive: true });
    for (const locale of languages) {
      const written = await readFile(catalogueOf(locale), "utf8").catch(() => "");
      const collected = applicantPages.flatMap(
        (entry) =>
          sections.get(locale)!.get(entry.id) ?? sectionOf(written, entry.id)?.trimEnd().concat("\n") ?? [],
      );
      const header = [
        `# Locator catalogue: ${LOCALE_INFO[locale].selfName} (${locale})`,
        "",
        "What each applicant page offers to role/label locators when shown in this language (the",
        "language cookie `ccus-locale`, or the switcher). Japanese, the default, is docs/locators.md.",
        "Generated by `npm run locators:update` (tests/e2e/languages.spec.ts); do not edit by hand.",
        "",
      ].join("\n");
      await writeFile(catalogueOf(locale), `${header}\n${collected.join("\n")}`);
    }
  });
});
