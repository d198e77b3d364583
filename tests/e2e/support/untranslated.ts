// Japanese left in a page shown in another language (issue 15): the page's words in its own
// language — text, and the names and descriptions in attributes — with the parts marked as another
// language (lang="ja" data and documents, the switcher's language names) left out, and the system's
// fixed names (lib/i18n/system-names.ts) allowed. Used by the language walk (languages.spec.ts) and
// the English journey (english-journey.spec.ts).
import type { Page } from "@playwright/test";
import type { Locale } from "../../../lib/i18n/locales";
import { withoutSystemNames } from "../../../lib/i18n/system-names";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The page's words in the page's own language (<html lang>), other languages' parts left out. */
async function wordsInPageLanguage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words: string[] = [];
    const pageLanguage = document.documentElement.lang;
    const isOtherLanguage = (element: Element) =>
      element.closest("[lang]")?.getAttribute("lang") !== pageLanguage;
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, noscript, template") || isOtherLanguage(element))
        continue;
      const text = node.textContent?.trim();
      if (text) words.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [alt], [title], [placeholder]")) {
      if (isOtherLanguage(element)) continue;
      for (const name of ["aria-label", "alt", "title", "placeholder"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) words.push(value);
      }
    }
    return words;
  });
}

/**
 * The texts of `page` (shown in `locale`, not Japanese) that still hold Japanese outside the system
 * names; empty when the page is translated. Chinese is written in Han characters: there, kana is
 * what untranslated Japanese leaves.
 */
export async function japaneseLeftIn(page: Page, locale: Locale) {
  const leftover = locale === "zh-Hans" ? KANA : JAPANESE;
  return (await wordsInPageLanguage(page)).filter((text) => leftover.test(withoutSystemNames(text)));
}
