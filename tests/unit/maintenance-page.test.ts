// The plain 503 pages (lib/maintenance-page.ts) in every language (issue 15): the applicant's
// language with the Japanese page below it, readings as <ruby> in やさしい日本語, and the Japanese
// page exactly as it was before.
import { describe, expect, it } from "vitest";
import japaneseBefore from "../fixtures/maintenance-page-ja.json";
import {
  localeOfIncomingRequest,
  renderDatabaseUnavailablePage,
  renderMaintenancePage,
  UNAVAILABLE_MESSAGES,
} from "@/lib/maintenance-page";
import { parseMaintenanceWindows } from "@/lib/maintenance";
import { LOCALE_INFO, LOCALES, type Locale } from "@/lib/i18n/locales";
import { rubyHtml } from "@/lib/i18n/ruby-text";
import { withoutSystemNames } from "@/lib/i18n/system-names";

const ja = UNAVAILABLE_MESSAGES.ja;
// 2026-12-11 07:00 in Japan.
const endsAt = new Date("2026-12-10T22:00:00Z");
const windows = parseMaintenanceWindows("thu 20:00-fri 07:00,sun 01:00-sun 05:00");
const pagesIn = (locale: Locale) => ({
  maintenance: renderMaintenancePage({ nonce: "n0nce", locale, endsAt, windows }),
  maintenanceOpen: renderMaintenancePage({ nonce: "n0nce", locale, endsAt: null, windows: [] }),
  database: renderDatabaseUnavailablePage({ nonce: "n0nce", locale }),
});

/** The page without its Japanese part (the section below) and the portal's bilingual header. */
const ownPart = (html: string) =>
  html.replace(/<section lang="ja">[\s\S]*<\/section>/, "").replace(/<header>[\s\S]*<\/header>/, "");

describe("the Japanese pages", () => {
  it("are exactly what they were before issue 15 (rendered at 5d51c6c)", () => {
    expect(pagesIn("ja")).toEqual(japaneseBefore);
  });
});

describe.each(LOCALES.filter((locale) => locale !== "ja"))("in %s", (locale) => {
  const pages = pagesIn(locale);
  const words = UNAVAILABLE_MESSAGES[locale];

  it.each(Object.keys(pages) as (keyof typeof pages)[])(
    "%s: <html lang>, the heading in the language, the Japanese page below it",
    (page) => {
      const html = pages[page];
      const own = page === "database" ? words.database : words.maintenance;
      const japanese = page === "database" ? ja.database : ja.maintenance;
      expect(html).toContain(`<html lang="${LOCALE_INFO[locale].htmlLang}">`);
      expect(html).toContain(`<h1>${rubyHtml(own.heading)}</h1>`);
      expect(html).toContain(`<p>${rubyHtml(words.japaneseFollows)}</p>`);
      expect(html).toContain(`<section lang="ja"><h2>${japanese.heading}</h2>`);
      expect(html).toContain(`<p>${japanese.body}</p>`);
      expect(html).toContain(
        `<title>${own.title.replace(/《[^》]*》/g, "")} / ${japanese.title} | 建設キャリアアップシステム</title>`,
      );
      // No key names, no ICU arguments left unfilled, no reading notation (after the style sheet).
      const body = html.split("</style>")[1] ?? "";
      expect(body).toContain("<main>");
      expect(body).not.toMatch(/\b(?:unavailable|maintenance|database|schedule)\.[a-z]/i);
      expect(body).not.toMatch(/[{}《》]/);
    },
  );

  it("says when the system is back and the weekly windows, in the language and in Japanese", () => {
    const html = pages.maintenance;
    expect(html.match(/<strong>2026\/12\/11 07:00<\/strong>/g)).toHaveLength(2);
    expect(html).toContain("<p>再開予定：<strong>2026/12/11 07:00</strong>（日本時間）</p>");
    expect(html).toContain("<p>定期メンテナンス：毎週木曜日 20:00 ～ 翌07:00、毎週日曜日 01:00 ～ 05:00</p>");
    const ownWords = ownPart(html);
    expect(ownWords).not.toContain("再開予定");
    expect(ownWords).not.toContain("木曜日 20:00");
    expect(pages.maintenanceOpen).toContain("<p>再開まで、しばらくお待ちください。</p>");
  });

  if (locale === "ja-x-easy") {
    it("writes readings as <ruby> and its title without them", () => {
      for (const html of Object.values(pages)) {
        expect(html).toMatch(/<ruby>[^<]+<rp>（<\/rp><rt>[^<]+<\/rt><rp>）<\/rp><\/ruby>/);
        expect(html).toMatch(/<title>[^<《]+<\/title>/);
      }
      expect(pages.maintenance).toContain(
        "<ruby>木曜日<rp>（</rp><rt>もくようび</rt><rp>）</rp></ruby> 20:00",
      );
    });
  } else {
    it("has no Japanese of its own but the system's names", () => {
      const leftover =
        locale === "zh-Hans"
          ? /[\p{Script=Hiragana}\p{Script=Katakana}]/u
          : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
      for (const html of Object.values(pages)) {
        const own = ownPart(html).replace(/<title>.*<\/title>/, "");
        expect(withoutSystemNames(own)).not.toMatch(leftover);
        expect(own).not.toContain("<ruby>");
      }
    });
  }
});

describe("in English", () => {
  const pages = pagesIn("en");

  it("reads as English", () => {
    expect(pages.maintenance).toContain("<h1>The system is under maintenance</h1>");
    expect(pages.maintenance).toContain(
      "<p>Expected back: <strong>2026/12/11 07:00</strong> (Japan time)</p>",
    );
    expect(pages.maintenance).toContain(
      "<p>Scheduled maintenance: Every Thursday 20:00 to 07:00 the next day; Every Sunday 01:00 to 05:00</p>",
    );
    expect(pages.database).toContain("<h1>The system is temporarily unavailable</h1>");
    expect(pages.database).toContain(
      "<title>Temporarily unavailable / 一時的にご利用いただけません | 建設キャリアアップシステム</title>",
    );
  });
});

describe("localeOfIncomingRequest (scripts/server.ts's overload answer)", () => {
  it("follows the cookie, then Accept-Language, as proxy.ts does", () => {
    expect(localeOfIncomingRequest("/login", { cookie: "a=b; ccus-locale=en; c=d" })).toBe("en");
    expect(localeOfIncomingRequest("/login", { cookie: "ccus-locale=ja-x-easy" })).toBe("ja-x-easy");
    expect(localeOfIncomingRequest("/menu?x=1", { "accept-language": "vi-VN,vi;q=0.9" })).toBe("vi");
    expect(localeOfIncomingRequest("/login", { cookie: "ccus-locale=fr", "accept-language": "id" })).toBe(
      "id",
    );
    expect(localeOfIncomingRequest("/login", {})).toBe("ja");
  });

  it("keeps staff paths Japanese", () => {
    expect(
      localeOfIncomingRequest("/staff/applicants?page=2", {
        cookie: "ccus-locale=en",
        "accept-language": "en",
      }),
    ).toBe("ja");
    // A request target in absolute form (RFC 9112 allows it) is a staff path too.
    expect(localeOfIncomingRequest("http://portal.example/staff/login", { cookie: "ccus-locale=en" })).toBe(
      "ja",
    );
    expect(localeOfIncomingRequest("http://portal.example/login", { cookie: "ccus-locale=en" })).toBe("en");
  });
});

describe("rubyHtml", () => {
  it("escapes the text and writes each reading as <ruby>", () => {
    expect(rubyHtml("a < b & ｜申請書《しんせいしょ》を 出《だ》す")).toBe(
      "a &#60; b &#38; <ruby>申請書<rp>（</rp><rt>しんせいしょ</rt><rp>）</rp></ruby>を <ruby>出<rp>（</rp><rt>だ</rt><rp>）</rp></ruby>す",
    );
    expect(rubyHtml('plain "text"')).toBe("plain &#34;text&#34;");
  });
});
