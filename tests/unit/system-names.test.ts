// What the language checks allow in Japanese in a page of another language (issue 15,
// lib/i18n/system-names.ts): the system's fixed names anywhere, the official reference names
// (都道府県, 在留資格, 職種) only where a translated page shows them — in brackets right after their
// translation, or (Chinese) as the whole text of an option.
import { describe, expect, it } from "vitest";
import { withoutSystemNames } from "@/lib/i18n/system-names";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const leftIn = (text: string, place: Parameters<typeof withoutSystemNames>[1] = { locale: "en" }) =>
  (place?.locale === "zh-Hans" ? KANA : JAPANESE).test(withoutSystemNames(text, place));

describe("official reference names in a translated page", () => {
  it("are allowed in brackets right after their translation", () => {
    expect(leftIn("Tokyo (東京都)")).toBe(false);
    expect(leftIn("Prefecture: Tokyo (東京都), residence status Permanent resident (永住者)")).toBe(false);
    expect(leftIn("09 Electrical worker (電工) ／ 01 Electrician (電気工)")).toBe(false);
    expect(leftIn("33 Formwork carpenter (型わく工) ／ 03 Marker (墨出し大工)", { locale: "vi" })).toBe(
      false,
    );
    expect(leftIn("东京都（東京都）", { locale: "zh-Hans" })).toBe(false);
    expect(leftIn("06 钢结构工（とび工）", { locale: "zh-Hans" })).toBe(false);
  });

  it("are caught bare in running text", () => {
    expect(leftIn("Your residence status is 技能.")).toBe(true);
    expect(leftIn("Choose 永住者 if you have a permanent residence card.")).toBe(true);
    expect(leftIn("定住者")).toBe(true);
    expect(leftIn("電工 and 電気工", { locale: "id" })).toBe(true);
    expect(leftIn("The job type とび工 is listed.", { locale: "zh-Hans" })).toBe(true);
  });

  it("are caught in brackets that do not follow a translation, or in the other language's brackets", () => {
    expect(leftIn("(永住者)")).toBe(true);
    expect(leftIn("技能 (技能)")).toBe(true);
    expect(leftIn("Tokyo（東京都）")).toBe(true);
    expect(leftIn("钢结构工 (とび工)", { locale: "zh-Hans" })).toBe(true);
    expect(leftIn("Tokyo (東京都です)")).toBe(true);
  });

  it("are allowed alone only as the whole text of an option in Chinese, which shares the characters", () => {
    expect(leftIn("北海道", { locale: "zh-Hans", wholeOption: true })).toBe(false);
    expect(leftIn("型わく工", { locale: "zh-Hans", wholeOption: true })).toBe(true);
    expect(leftIn("永住者", { locale: "en", wholeOption: true })).toBe(true);
    expect(leftIn("北海道", { locale: "en", wholeOption: true })).toBe(true);
  });

  it("leave the system's fixed names allowed anywhere", () => {
    expect(leftIn("Open 申請内容登録 and then 本人情報.")).toBe(false);
    expect(leftIn("Your 在留カード or 特別永住者証明書")).toBe(false);
  });
});
