// Japanese left in a page shown in another language (issue 15): the page's words in its own
// language — text, the names and descriptions in attributes, and the <optgroup> labels — with the
// parts marked as another language (lang="ja" data and documents, the switcher's language names)
// left out, and the system's fixed names and the official reference names beside their translation
// (lib/i18n/system-names.ts) allowed. Used by the language walk (languages.spec.ts) and
// the English journey (english-journey.spec.ts).
import type { Page } from "@playwright/test";
import type { Locale } from "../../../lib/i18n/locales";
import { withoutSystemNames } from "../../../lib/i18n/system-names";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** A text of the page, and whether it is the whole text of an <option>/<optgroup> (its label). */
interface PageText {
  text: string;
  wholeOption: boolean;
}

/** The page's words in the page's own language (<html lang>), other languages' parts left out. */
async function wordsInPageLanguage(page: Page): Promise<PageText[]> {
  return page.evaluate(() => {
    const words: { text: string; wholeOption: boolean }[] = [];
    const pageLanguage = document.documentElement.lang;
    const isOtherLanguage = (element: Element) =>
      element.closest("[lang]")?.getAttribute("lang") !== pageLanguage;
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, noscript, template") || isOtherLanguage(element))
        continue;
      const text = node.textContent?.trim();
      if (!text) continue;
      const wholeOption = element.matches("option") && element.textContent?.trim() === text;
      words.push({ text, wholeOption });
    }
    for (const element of document.querySelectorAll("[aria-label], [alt], [title], [placeholder]")) {
      if (isOtherLanguage(element)) continue;
      for (const name of ["aria-label", "alt", "title", "placeholder"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) words.push({ text: value, wholeOption: false });
      }
    }
    // An <optgroup>'s name is its label (an <option>'s too, when it has one).
    for (const element of document.querySelectorAll("optgroup[label], option[label]")) {
      if (isOtherLanguage(element)) continue;
      const value = element.getAttribute("label")?.trim();
      if (value) words.push({ text: value, wholeOption: true });
    }
    return words;
  });
}

/**
 * The texts of `page` (shown in `locale`, not Japanese) that still hold Japanese outside the system
 * names and the official reference names where a translation shows them
 * (lib/i18n/system-names.ts); empty when the page is translated. Chinese is written in Han
 * characters: there, kana is what untranslated Japanese leaves.
 */
export async function japaneseLeftIn(page: Page, locale: Locale) {
  const leftover = locale === "zh-Hans" ? KANA : JAPANESE;
  return (await wordsInPageLanguage(page))
    .filter(({ text, wholeOption }) => leftover.test(withoutSystemNames(text, { locale, wholeOption })))
    .map(({ text }) => text);
}
