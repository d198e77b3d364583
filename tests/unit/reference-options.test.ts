// Reference lists in the applicant's language (issue 15): 都道府県 and 在留資格 from
// messages/<language>/reference.json, 職種 from the translation columns of data/job-types.csv,
// 国籍 from the package or ICU, 不備 reasons from the label_<language> columns of
// data/return-reasons.csv — each with the official Japanese name beside the translation, the
// Japanese alone (lang="ja") where there is none, and the value posted unchanged.
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/message-ref";
import { countryName, countryNameIn, countryOptions } from "@/lib/reference/countries";
import {
  groupJobTypes,
  jobTypeGroupLabel,
  jobTypeLabel,
  jobTypes,
  parseJobTypesCsv,
} from "@/lib/reference/job-types";
import { PREFECTURES } from "@/lib/reference/prefectures";
import { RESIDENCE_STATUSES } from "@/lib/reference/residence-statuses";
import {
  prefectureOptions,
  residenceStatusOptions,
  type ReferenceText,
} from "@/lib/reference/reference-options";
import { TRANSLATION_LOCALES } from "@/lib/reference/simple-csv";
import { withoutSystemNames } from "@/lib/i18n/system-names";
import { withoutRuby } from "@/lib/i18n/ruby";
import { renderTemplateIn } from "@/emails/registry";
import { JAPANESE_PART_RULE } from "@/emails/render";
import { loadReturnReasons, parseReturnReasonsCsv, reasonLabelParts } from "@/lib/reference/return-reasons";
import { returnReasonLabelIn, returnReasonTextIn } from "@/lib/reference/return-reason-labels";

async function referenceText(locale: Locale): Promise<ReferenceText> {
  const t = await translatorFor(locale);
  return (key) => t(`reference.${key}` as MessageKey);
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe("都道府県 and 在留資格 options", () => {
  it("are the Japanese names, unchanged, on a Japanese page", async () => {
    const t = await referenceText("ja");
    expect(prefectureOptions("ja", t)).toEqual(PREFECTURES.map((value) => ({ value, label: value })));
    expect(residenceStatusOptions("ja", t)).toEqual(
      RESIDENCE_STATUSES.map((value) => ({ value, label: value })),
    );
  });

  it("put the official Japanese name beside the translation", async () => {
    const en = await referenceText("en");
    const tokyo = prefectureOptions("en", en).find((option) => option.value === "東京都");
    expect(tokyo).toEqual({ value: "東京都", label: "Tokyo (東京都)" });
    const statuses = residenceStatusOptions("en", en);
    expect(statuses.find((option) => option.value === "特定技能1号")).toEqual({
      value: "特定技能1号",
      label: "Specified Skilled Worker (i) (特定技能1号)",
    });
    // その他 is no official name: the translation alone.
    expect(statuses.find((option) => option.value === "その他")).toEqual({ value: "その他", label: "Other" });
    const zh = await referenceText("zh-Hans");
    expect(prefectureOptions("zh-Hans", zh).find((option) => option.value === "東京都")?.label).toBe(
      "东京都（東京都）",
    );
    // The same characters in Chinese: not repeated.
    expect(prefectureOptions("zh-Hans", zh).find((option) => option.value === "北海道")?.label).toBe(
      "北海道",
    );
    const vi = await referenceText("vi");
    expect(residenceStatusOptions("vi", vi).find((option) => option.value === "永住者")?.label).toBe(
      "Người vĩnh trú (永住者)",
    );
  });

  it("have readings in やさしい日本語 that drop back to the Japanese name", async () => {
    const t = await referenceText("ja-x-easy");
    const prefectures = prefectureOptions("ja-x-easy", t);
    expect(prefectures.find((option) => option.value === "東京都")?.label).toBe("東京都《とうきょうと》");
    for (const option of [...prefectures, ...residenceStatusOptions("ja-x-easy", t)]) {
      expect(option.label, option.value).toContain("《");
      expect(withoutRuby(option.label)).toBe(option.value);
    }
  });

  it.each(TRANSLATION_LOCALES.filter((locale) => locale !== "ja-x-easy"))(
    "leave no Japanese but the official names in %s, the values unchanged",
    async (locale) => {
      const t = await referenceText(locale);
      const options = [...prefectureOptions(locale, t), ...residenceStatusOptions(locale, t)];
      expect(options.map((option) => option.value)).toEqual([...PREFECTURES, ...RESIDENCE_STATUSES]);
      const leftover = locale === "zh-Hans" ? KANA : JAPANESE;
      for (const option of options) {
        expect(option.lang, option.label).toBeUndefined();
        expect(leftover.test(withoutSystemNames(option.label)), option.label).toBe(false);
      }
    },
  );
});

describe("職種 translation columns", () => {
  const HEADER = "major_code,major_name,minor_code,minor_name";

  it("parse major_name_<language> and minor_name_<language>, empty cells left out", () => {
    const rows = parseJobTypesCsv(
      `${HEADER},minor_name_en,major_name_en,minor_name_zh-Hans\n09,電工,01,電気工,Electrician,Electrical worker,电工\n09,電工,10,ソーラーシステム取付工,,,\n`,
    );
    expect(rows[0]).toEqual({
      code: "09-01",
      majorCode: "09",
      majorName: "電工",
      minorCode: "01",
      minorName: "電気工",
      label: "09 電工 ／ 01 電気工",
      majorNames: { en: "Electrical worker" },
      minorNames: { en: "Electrician", "zh-Hans": "电工" },
    });
    // The 大分類's translation comes from any of its lines.
    expect(rows[1]?.majorNames).toEqual({ en: "Electrical worker" });
    expect(rows[1]?.minorNames).toBeUndefined();
  });

  it("refuse an unknown or repeated column and two translations of one 大分類", () => {
    expect(() => parseJobTypesCsv(`${HEADER},minor_name_fr\n09,電工,01,電気工,x`)).toThrow(
      /line 1: the header must be "major_code,major_name,minor_code,minor_name", then optional translation columns/,
    );
    expect(() => parseJobTypesCsv(`${HEADER},minor_name_ja\n09,電工,01,電気工,x`)).toThrow(/line 1: /);
    expect(() => parseJobTypesCsv(`${HEADER},label_en\n09,電工,01,電気工,x`)).toThrow(/line 1: /);
    expect(() => parseJobTypesCsv(`${HEADER},minor_name_en,minor_name_en\n09,電工,01,電気工,x,y`)).toThrow(
      /line 1: /,
    );
    expect(() => parseJobTypesCsv(`${HEADER},minor_name_en\n09,電工,01,電気工`)).toThrow(
      /line 2: expected 5 columns, found 4/,
    );
    expect(() =>
      parseJobTypesCsv(
        `${HEADER},major_name_en\n09,電工,01,電気工,Electrical worker\n09,電工,10,ソーラー,Electrician`,
      ),
    ).toThrow(/line 3: major_name_en of 09 is "Electrician" here but "Electrical worker"/);
  });

  it("label options in the language with the Japanese beside, the Japanese (lang ja) without a translation", () => {
    const [translated, plain] = parseJobTypesCsv(
      `${HEADER},major_name_en,minor_name_en,minor_name_ja-x-easy\n09,電工,01,電気工,Electrical worker,Electrician,電気工《でんきこう》\n33,型わく工,03,墨出し大工,,,\n`,
    );
    expect(jobTypeLabel("ja", translated!)).toEqual({ label: "09 電工 ／ 01 電気工" });
    expect(jobTypeLabel("en", translated!)).toEqual({
      label: "09 Electrical worker (電工) ／ 01 Electrician (電気工)",
    });
    expect(jobTypeLabel("ja-x-easy", translated!)).toEqual({ label: "09 電工 ／ 01 電気工《でんきこう》" });
    expect(jobTypeLabel("vi", translated!)).toEqual({ label: "09 電工 ／ 01 電気工", lang: "ja" });
    expect(jobTypeLabel("en", plain!)).toEqual({ label: "33 型わく工 ／ 03 墨出し大工", lang: "ja" });
    const [group, plainGroup] = groupJobTypes([translated!, plain!]);
    expect(jobTypeGroupLabel("en", group!)).toEqual({ label: "09 Electrical worker (電工)" });
    expect(jobTypeGroupLabel("zh-Hans", group!)).toEqual({ label: "09 電工", lang: "ja" });
    expect(jobTypeGroupLabel("en", plainGroup!)).toEqual({ label: "33 型わく工", lang: "ja" });
    expect(jobTypeGroupLabel("ja", plainGroup!)).toEqual({ label: "33 型わく工" });
  });

  it("data/job-types.csv translates every shipped row into every language", () => {
    for (const jobType of jobTypes()) {
      for (const locale of TRANSLATION_LOCALES) {
        expect(jobType.majorNames?.[locale], `${jobType.code} major ${locale}`).toBeTruthy();
        expect(jobType.minorNames?.[locale], `${jobType.code} minor ${locale}`).toBeTruthy();
        const { label, lang } = jobTypeLabel(locale, jobType);
        expect(lang).toBeUndefined();
        if (locale === "ja-x-easy") expect(withoutRuby(label)).toBe(jobType.label);
        else
          expect((locale === "zh-Hans" ? KANA : JAPANESE).test(withoutSystemNames(label)), label).toBe(false);
      }
    }
  });
});

describe("国籍 options", () => {
  it.each(LOCALES)("name every country but Japan in %s, with no other language's names", (locale) => {
    const options = countryOptions(locale);
    const japanese = countryOptions("ja");
    expect(options.map((option) => option.value).sort()).toEqual(
      japanese.map((option) => option.value).sort(),
    );
    expect(options.map((option) => option.value)).not.toContain("JP");
    for (const option of options) expect(option.label, option.value).not.toBe("");
  });

  it("are in Burmese and Nepali (ICU), sorted in their language", () => {
    const burmese = countryOptions("my");
    expect(burmese.find((option) => option.value === "VN")?.label).toBe("ဗီယက်နမ်");
    expect(
      burmese.every((option) => /\p{Script=Myanmar}/u.test(option.label)),
      "all Burmese",
    ).toBe(true);
    const nepali = countryOptions("ne");
    expect(nepali.find((option) => option.value === "NP")?.label).toBe("नेपाल");
    expect(
      nepali.every((option) => /\p{Script=Devanagari}/u.test(option.label)),
      "all Nepali",
    ).toBe(true);
    for (const [locale, options] of [
      ["my", burmese],
      ["ne", nepali],
    ] as const) {
      const labels = options.map((option) => option.label);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, locale)));
    }
  });

  it("keep the package's names in Japanese and English (not ICU's)", () => {
    expect(countryOptions("ja").find((option) => option.value === "MM")?.label).toBe("ミャンマー");
    expect(countryOptions("en").find((option) => option.value === "MM")?.label).toBe("Myanmar");
  });
});

describe("不備 reasons' translation columns", () => {
  const HEADER = "code,group,label";

  it("parse label_<language>, empty cells left out, unknown columns refused", () => {
    const [translated, plain] = parseReturnReasonsCsv(
      `${HEADER},label_en,label_ja-x-easy\nPI_NAME,personal-info,氏名が違います,Your name is wrong,名前《なまえ》が違《ちが》います\nFP_UNCLEAR,face-photo,顔写真が不鮮明です,,\n`,
    );
    expect(translated?.labels).toEqual({
      en: "Your name is wrong",
      "ja-x-easy": "名前《なまえ》が違《ちが》います",
    });
    expect(plain?.labels).toBeUndefined();
    expect(() => parseReturnReasonsCsv(`${HEADER},label_de\nA,employer,x,y`)).toThrow(
      /line 1: the header must be "code,group,label", then optional translation columns/,
    );
    expect(() => parseReturnReasonsCsv(`${HEADER},group_en\nA,employer,x,y`)).toThrow(/line 1: /);
  });

  it("show the translation with the Japanese beside it, the Japanese (lang ja) without one", () => {
    const [translated, plain] = parseReturnReasonsCsv(
      `${HEADER},label_en\nPI_NAME,personal-info,氏名が違います,Your name is wrong\nFP_UNCLEAR,face-photo,顔写真が不鮮明です,\n`,
    );
    expect(reasonLabelParts("en", "氏名が違います", translated)).toEqual({
      text: "Your name is wrong",
      japanese: "氏名が違います",
    });
    expect(reasonLabelParts("ja", "氏名が違います", translated)).toEqual({ text: "氏名が違います" });
    expect(reasonLabelParts("vi", "氏名が違います", translated)).toEqual({
      text: "氏名が違います",
      lang: "ja",
    });
    expect(reasonLabelParts("en", "顔写真が不鮮明です", plain)).toEqual({
      text: "顔写真が不鮮明です",
      lang: "ja",
    });
    // A label the file no longer has (stored by an older review) stays as stored.
    expect(returnReasonLabelIn("en", "昔の理由")).toEqual({ text: "昔の理由", lang: "ja" });
    expect(returnReasonTextIn("en", "氏名が本人確認書類と一致しません")).toBe(
      "Your name does not match the identity document (氏名が本人確認書類と一致しません)",
    );
  });

  it("data/return-reasons.csv translates every reason into every language, Japanese only as system names", () => {
    for (const reason of loadReturnReasons()) {
      for (const locale of TRANSLATION_LOCALES) {
        const translation = reason.labels?.[locale];
        expect(translation, `${reason.code} ${locale}`).toBeTruthy();
        if (locale === "ja-x-easy") continue;
        const leftover = locale === "zh-Hans" ? KANA : JAPANESE;
        expect(
          leftover.test(withoutSystemNames(translation!)),
          `${reason.code} ${locale}: ${translation}`,
        ).toBe(false);
      }
    }
  });

  it("put the reason into the 不備 email's language, the Japanese email unchanged", async () => {
    const data = {
      name: "NGUYEN VAN AN",
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      items: [
        { groupLabel: "本人情報", reasonLabel: "氏名が本人確認書類と一致しません", comment: "" },
        { groupLabel: "顔写真", reasonLabel: "以前の理由の文言", comment: "" },
      ],
      returnedAt: "2025-12-16T15:30:00Z",
      loginUrl: "https://portal.example.jp/login",
    };
    const english = await renderTemplateIn("application-returned", data, "en");
    const [translatedPart, japanesePart] = english.text.split(JAPANESE_PART_RULE);
    expect(translatedPart).toContain(
      "本人情報 — Your name does not match the identity document (氏名が本人確認書類と一致しません)",
    );
    expect(translatedPart).toContain("顔写真 — 以前の理由の文言");
    expect(japanesePart).toContain("本人情報 — 氏名が本人確認書類と一致しません\n");
    const easy = await renderTemplateIn("application-returned", data, "ja-x-easy");
    expect(easy.text.split(JAPANESE_PART_RULE)[0]).toContain(
      "本人情報 — 名前（なまえ）が本人確認書類（ほんにんかくにんしょるい）と同（おな）じではありません",
    );
    const japanese = await renderTemplateIn("application-returned", data, "ja");
    expect(japanese.text).toContain("本人情報 — 氏名が本人確認書類と一致しません\n");
    expect(japanese.text).not.toContain("Your name");
  });
});

describe("国籍 on the check page", () => {
  it("finds the country of a Japanese name in the page's language", () => {
    const japanese = countryName("VN")!;
    expect(countryNameIn("ja", japanese)).toBe(japanese);
    expect(countryNameIn("en", japanese)).toBe(
      countryOptions("en").find((option) => option.value === "VN")?.label,
    );
    expect(countryNameIn("my", japanese)).toBe("ဗီယက်နမ်");
    expect(countryNameIn("en", "どこにもない国")).toBeUndefined();
  });
});
