import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  EMPLOYMENT_INSURANCE_KINDS,
  HEALTH_INSURANCE_KINDS,
  KYOSAI_STATUS_LABELS,
  PENSION_KINDS,
  SOCIAL_INSURANCE_LABELS,
  SOCIAL_INSURANCE_MESSAGES,
  socialInsuranceDraftSchema,
  socialInsuranceSchema,
  type SocialInsuranceInput,
} from "@/lib/schemas/social-insurance";
import { messageText } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translate";

// The schema's messages are references (issue 15): compared here in their Japanese words (what the
// Japanese page shows), and in English where the test says so.
const japanese = await translatorFor("ja");
const english = await translatorFor("en");
const inJapanese = (message: string) => messageText(japanese, message);
/** SOCIAL_INSURANCE_MESSAGES in Japanese. */
const M = Object.fromEntries(
  Object.entries(SOCIAL_INSURANCE_MESSAGES).map(([key, message]) => [key, inJapanese(message)]),
) as Record<keyof typeof SOCIAL_INSURANCE_MESSAGES, string>;

type Issues = Record<string, string[]>;

/** Messages by path, in Japanese (or `translate`'s language). */
function issuesOf(result: z.ZodSafeParseResult<unknown>, translate = japanese): Issues {
  if (result.success) return {};
  const byPath: Issues = {};
  for (const issue of result.error.issues) {
    (byPath[issue.path.join(".")] ??= []).push(messageText(translate, issue.message));
  }
  return byPath;
}

function dataOf<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(JSON.stringify(issuesOf(result)));
  return result.data;
}

const parse = (input: Record<string, unknown>) => socialInsuranceSchema.safeParse(input);
const parseDraft = (input: Record<string, unknown>) => socialInsuranceDraftSchema.safeParse(input);

/** 被保険者 and 建退共 加入: both numbers asked. */
const INSURED: SocialInsuranceInput = {
  healthInsurance: "協会けんぽ",
  pensionInsurance: "厚生年金",
  employmentInsurance: "被保険者",
  employmentInsuranceNumber: "1234-567890-1",
  kentaikyo: "joined",
  kentaikyoNumber: "12345678901",
  chutaikyo: "not-joined",
};

/** Neither number asked. */
const NOT_INSURED: SocialInsuranceInput = {
  healthInsurance: "建設国保",
  pensionInsurance: "国民年金",
  employmentInsurance: "適用除外",
  employmentInsuranceNumber: "",
  kentaikyo: "not-joined",
  kentaikyoNumber: "",
  chutaikyo: "joined",
};

describe("lists and labels", () => {
  it("has the options of the 社会保険 page (健康保険, 年金保険, 雇用保険, 建退共, 中退共)", () => {
    expect(HEALTH_INSURANCE_KINDS).toEqual([
      "健康保険組合",
      "協会けんぽ",
      "建設国保",
      "国民健康保険",
      "適用除外",
    ]);
    expect(PENSION_KINDS).toEqual(["厚生年金", "国民年金", "受給者"]);
    expect(EMPLOYMENT_INSURANCE_KINDS).toEqual(["被保険者", "日雇保険", "適用除外"]);
    expect(KYOSAI_STATUS_LABELS).toEqual({ joined: "加入", "not-joined": "未加入" });
    expect(SOCIAL_INSURANCE_LABELS.kentaikyo).toBe("建退共");
    expect(SOCIAL_INSURANCE_LABELS.chutaikyo).toBe("中退共");
  });
});

describe("socialInsuranceSchema", () => {
  it("accepts a page with both numbers", () => {
    expect(dataOf(parse(INSURED))).toEqual(INSURED);
  });

  it("accepts a page with no numbers, and keeps no empty keys", () => {
    expect(dataOf(parse(NOT_INSURED))).toEqual({
      healthInsurance: "建設国保",
      pensionInsurance: "国民年金",
      employmentInsurance: "適用除外",
      kentaikyo: "not-joined",
      chutaikyo: "joined",
    });
  });

  describe("雇用保険の被保険者番号", () => {
    const numberOf = (value: string) => parse({ ...INSURED, employmentInsuranceNumber: value });

    it("accepts 4-6-1 with or without hyphens, full-width and spaced, as 1234-567890-1", () => {
      for (const value of [
        "1234-567890-1",
        "12345678901",
        "１２３４－５６７８９０－１",
        "１２３４５６７８９０１",
        " 1234 567890 1 ",
        "1234ー567890ー1",
      ]) {
        expect(dataOf(numberOf(value)), value).toMatchObject({ employmentInsuranceNumber: "1234-567890-1" });
      }
    });

    it("refuses 10 and 12 digits and letters", () => {
      for (const value of ["1234567890", "1234-567890", "123456789012", "1234-567890-12", "1234-56789A-1"]) {
        expect(issuesOf(numberOf(value)), value).toEqual({
          employmentInsuranceNumber: [
            "雇用保険の被保険者番号は「4桁-6桁-1桁」の11桁で入力してください。（例：1234-567890-1）",
          ],
        });
      }
    });

    it("is required for 被保険者", () => {
      expect(issuesOf(numberOf(""))).toEqual({
        employmentInsuranceNumber: [M.employmentInsuranceNumberRequired],
      });
      const missing: Record<string, unknown> = { ...INSURED };
      delete missing.employmentInsuranceNumber;
      expect(issuesOf(parse(missing))).toEqual({
        employmentInsuranceNumber: [M.employmentInsuranceNumberRequired],
      });
    });

    it("is neither required nor kept for 日雇保険 and 適用除外, even if invalid", () => {
      for (const kind of ["日雇保険", "適用除外"]) {
        const data = dataOf(
          parse({ ...INSURED, employmentInsurance: kind, employmentInsuranceNumber: "12" }),
        );
        expect(data).toMatchObject({ employmentInsurance: kind });
        expect(data).not.toHaveProperty("employmentInsuranceNumber");
      }
    });
  });

  describe("建退共の被共済者番号", () => {
    it("accepts 1 to 11 digits, normalised", () => {
      expect(dataOf(parse({ ...INSURED, kentaikyoNumber: "１２３－４５６ ７８" }))).toMatchObject({
        kentaikyoNumber: "12345678",
      });
      expect(dataOf(parse({ ...INSURED, kentaikyoNumber: "7" }))).toMatchObject({ kentaikyoNumber: "7" });
    });

    it("refuses more than 11 digits and non-digits, saying to copy it from the 共済手帳", () => {
      for (const value of ["123456789012", "12A45"]) {
        expect(issuesOf(parse({ ...INSURED, kentaikyoNumber: value })), value).toEqual({
          kentaikyoNumber: [M.kentaikyoNumberInvalid],
        });
      }
      expect(M.kentaikyoNumberInvalid).toContain("共済手帳");
    });

    it("is required when 加入 and dropped when 未加入", () => {
      expect(issuesOf(parse({ ...INSURED, kentaikyoNumber: "  " }))).toEqual({
        kentaikyoNumber: [M.kentaikyoNumberRequired],
      });
      expect(M.kentaikyoNumberRequired).toContain("共済手帳");
      const data = dataOf(parse({ ...INSURED, kentaikyo: "not-joined", kentaikyoNumber: "bad" }));
      expect(data).toMatchObject({ kentaikyo: "not-joined" });
      expect(data).not.toHaveProperty("kentaikyoNumber");
    });
  });

  it("requires every choice, each with its own message", () => {
    expect(issuesOf(parse({}))).toEqual({
      healthInsurance: ["健康保険の種類を選んでください。"],
      pensionInsurance: ["年金保険の種類を選んでください。"],
      employmentInsurance: ["雇用保険の種類を選んでください。"],
      kentaikyo: ["建退共の加入・未加入を選んでください。"],
      chutaikyo: ["中退共の加入・未加入を選んでください。"],
    });
    expect(issuesOf(parse({}), english)).toEqual({
      healthInsurance: ["Choose your type of health insurance."],
      pensionInsurance: ["Choose your type of pension insurance."],
      employmentInsurance: ["Choose your type of employment insurance."],
      kentaikyo: ["Choose whether you are enrolled in 建退共."],
      chutaikyo: ["Choose whether you are enrolled in 中退共."],
    });
  });

  it("refuses values not in the lists", () => {
    expect(
      issuesOf(
        parse({ ...NOT_INSURED, healthInsurance: "共済組合", pensionInsurance: "x", chutaikyo: "yes" }),
      ),
    ).toEqual({
      healthInsurance: [M.healthInsuranceInvalid],
      pensionInsurance: [M.pensionInsuranceInvalid],
      chutaikyo: [M.chutaikyoRequired],
    });
  });

  it("reports choice and number problems together", () => {
    expect(issuesOf(parse({ ...INSURED, healthInsurance: "", employmentInsuranceNumber: "1" }))).toEqual({
      healthInsurance: [M.healthInsuranceRequired],
      employmentInsuranceNumber: [M.employmentInsuranceNumberInvalid],
    });
  });
});

describe("socialInsuranceDraftSchema", () => {
  it("accepts an empty page", () => {
    expect(dataOf(parseDraft({}))).toEqual({});
    expect(
      dataOf(
        parseDraft({
          healthInsurance: "",
          pensionInsurance: "",
          employmentInsurance: "",
          employmentInsuranceNumber: "",
          kentaikyo: "",
          kentaikyoNumber: "",
          chutaikyo: "",
        }),
      ),
    ).toEqual({});
  });

  it("does not require the numbers but normalises and checks them", () => {
    expect(dataOf(parseDraft({ employmentInsurance: "被保険者", kentaikyo: "joined" }))).toEqual({
      employmentInsurance: "被保険者",
      kentaikyo: "joined",
    });
    expect(dataOf(parseDraft({ employmentInsuranceNumber: "１２３４５６７８９０１" }))).toEqual({
      employmentInsuranceNumber: "1234-567890-1",
    });
    expect(
      issuesOf(parseDraft({ employmentInsuranceNumber: "123456789012", kentaikyoNumber: "abc" })),
    ).toEqual({
      employmentInsuranceNumber: [M.employmentInsuranceNumberInvalid],
      kentaikyoNumber: [M.kentaikyoNumberInvalid],
    });
  });

  it("drops a number when another answer is chosen", () => {
    expect(
      dataOf(
        parseDraft({
          employmentInsurance: "日雇保険",
          employmentInsuranceNumber: "bad",
          kentaikyo: "not-joined",
          kentaikyoNumber: "bad",
        }),
      ),
    ).toEqual({ employmentInsurance: "日雇保険", kentaikyo: "not-joined" });
  });

  it("still refuses values not in the lists", () => {
    expect(issuesOf(parseDraft({ pensionInsurance: "企業年金" }))).toEqual({
      pensionInsurance: [M.pensionInsuranceInvalid],
    });
  });
});
