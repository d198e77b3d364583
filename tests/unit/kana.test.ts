import { describe, expect, it } from "vitest";
import { isFullWidthKatakana, toFullWidthKatakana } from "@/lib/format/kana";

describe("toFullWidthKatakana", () => {
  it("turns hiragana into katakana across the whole range, small kana and ゔ included", () => {
    expect(toFullWidthKatakana("やまだ たろう")).toBe("ヤマダ タロウ");
    expect(toFullWidthKatakana("ぁぃぅぇぉっゃゅょゎゕゖ")).toBe("ァィゥェォッャュョヮヵヶ");
    expect(toFullWidthKatakana("ゔぁ")).toBe("ヴァ");
    expect(toFullWidthKatakana("ぱぴぷぺぽ")).toBe("パピプペポ");
  });

  it("turns the hiragana iteration marks ゝゞ into ヽヾ", () => {
    expect(toFullWidthKatakana("ゝゞ")).toBe("ヽヾ");
  });

  it("turns half-width katakana into full-width, composing voiced and semi-voiced marks", () => {
    expect(toFullWidthKatakana("ｶﾞｯｺｳ")).toBe("ガッコウ");
    expect(toFullWidthKatakana("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ")).toBe("パピプペポ");
    expect(toFullWidthKatakana("ｳﾞｧｲｵﾘﾝ")).toBe("ヴァイオリン");
    expect(toFullWidthKatakana("ｺｰﾋｰ")).toBe("コーヒー");
    expect(toFullWidthKatakana("ｧｨｩｪｫｯｬｭｮ")).toBe("ァィゥェォッャュョ");
    expect(toFullWidthKatakana("ﾏﾘｱ･ｸﾗﾗ")).toBe("マリア・クララ");
  });

  it("composes a half-width mark typed after a full-width kana, and combining marks (NFD)", () => {
    expect(toFullWidthKatakana("カﾞ")).toBe("ガ");
    expect(toFullWidthKatakana("かﾟ")).toBe("カ\u309A".normalize("NFC"));
    expect(toFullWidthKatakana("か\u3099")).toBe("ガ");
    expect(toFullWidthKatakana("ハ\u309A")).toBe("パ");
  });

  it("handles a mix of hiragana, half-width and full-width katakana", () => {
    expect(toFullWidthKatakana("やまﾀﾞタロウ")).toBe("ヤマダタロウ");
  });

  it("leaves the space between 姓 and 名 as typed, full-width or half-width", () => {
    expect(toFullWidthKatakana("やまだ　たろう")).toBe("ヤマダ　タロウ");
    expect(toFullWidthKatakana("ﾔﾏﾀﾞ ﾀﾛｳ")).toBe("ヤマダ タロウ");
  });

  it("does not NFKC anything but half-width kana", () => {
    expect(toFullWidthKatakana("１２３ＡＢＣ")).toBe("１２３ＡＢＣ");
    expect(toFullWidthKatakana("㈱")).toBe("㈱");
    // U+FA19 is a CJK compatibility ideograph: NFKC (and NFC) would rewrite it to U+795E.
    expect(toFullWidthKatakana("\uFA19")).toBe("\uFA19");
    expect(toFullWidthKatakana("髙橋")).toBe("髙橋");
    expect(toFullWidthKatakana("ヿ")).toBe("ヿ");
  });

  it("leaves full-width katakana and the empty string unchanged", () => {
    expect(toFullWidthKatakana("ヤマダ・タロー")).toBe("ヤマダ・タロー");
    expect(toFullWidthKatakana("")).toBe("");
  });
});

describe("isFullWidthKatakana", () => {
  it("accepts full-width katakana with small kana, ヴ, ー and ・", () => {
    for (const value of [
      "ヤマダ",
      "ァィゥェォッャュョヮヵヶ",
      "ヴィンセント",
      "コーヒー",
      "マリア・クララ",
      "ア",
      "ン",
    ]) {
      expect(isFullWidthKatakana(value), value).toBe(true);
    }
  });

  it("refuses hiragana, half-width kana, kanji, Latin letters, digits, spaces and rare kana", () => {
    for (const value of [
      "",
      "やまだ",
      "ﾔﾏﾀﾞ",
      "山田",
      "YAMADA",
      "ヤマダ1",
      "ヤマダ タロウ",
      "ヤマダ　タロウ",
      "ヽ",
      "ヾ",
      "ヷ",
      "ヺ",
      "ヿ",
      "ヤマダ-",
    ]) {
      expect(isFullWidthKatakana(value), value).toBe(false);
    }
  });
});
