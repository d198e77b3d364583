import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  ageOn,
  BLOOD_TYPES,
  FOREIGN_NATIONAL_KEYS,
  GENDERS,
  makePersonalInfoDraftSchema,
  makePersonalInfoSchema,
  PERSONAL_INFO_MESSAGES,
  todayInJapan,
  type PersonalInfoInput,
} from "@/lib/schemas/personal-info";
import { PREFECTURES } from "@/lib/reference/prefectures";
import { RESIDENCE_STATUSES } from "@/lib/reference/residence-statuses";
import { messageText } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translate";

// The schema's messages are references (issue 15): compared here in their Japanese words (what the
// Japanese page shows), and in English where the test says so.
const japanese = await translatorFor("ja");
const english = await translatorFor("en");
const inJapanese = (message: string) => messageText(japanese, message);
/** PERSONAL_INFO_MESSAGES in Japanese. */
const M = Object.fromEntries(
  Object.entries(PERSONAL_INFO_MESSAGES).map(([key, message]) => [key, inJapanese(message)]),
) as Record<keyof typeof PERSONAL_INFO_MESSAGES, string>;

const TODAY = "2025-06-15";
const OPTIONS = { today: TODAY, countryCodes: ["VN", "PH", "CN", "ID", "NP", "MM"] } as const;
const schema = makePersonalInfoSchema(OPTIONS);
const draftSchema = makePersonalInfoDraftSchema(OPTIONS);

/** A complete, valid Japanese national's page as the HTML form posts it ("" for empty). */
const JAPANESE: PersonalInfoInput = {
  isJapanese: "yes",
  familyName: "山田",
  givenName: "太郎",
  familyNameKana: "やまだ",
  givenNameKana: "ﾀﾛｳ",
  romanFamilyName: "",
  romanMiddleName: "",
  romanGivenName: "",
  nationality: "",
  residenceStatus: "",
  residenceExpiry: "",
  alias: "",
  birthDate: "1990-04-01",
  gender: "男性",
  bloodType: "",
  postalCode: "１００－０００１",
  prefecture: "東京都",
  city: "千代田区千代田１ー１",
  building: "",
  phone: "03-1234-5678",
  email: "Taro@Example.JP",
};

const FOREIGN: PersonalInfoInput = {
  ...JAPANESE,
  isJapanese: "no",
  familyName: "グエン",
  givenName: "ヴァン アン",
  familyNameKana: "グエン",
  givenNameKana: "ヴァンアン",
  romanFamilyName: "nguyen",
  romanMiddleName: "",
  romanGivenName: "van an",
  nationality: "VN",
  residenceStatus: "特定技能1号",
  residenceExpiry: "2027/03/31",
};

type Issues = Record<string, string[]>;

/** Messages by field path ("a.b"), in Japanese (or `translate`'s language); {} when the parse succeeds. */
function issuesOf(result: z.ZodSafeParseResult<unknown>, translate = japanese): Issues {
  if (result.success) return {};
  const byPath: Issues = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    (byPath[key] ??= []).push(messageText(translate, issue.message));
  }
  return byPath;
}

function dataOf<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(JSON.stringify(issuesOf(result)));
  return result.data;
}

const parse = (input: Record<string, unknown>) => schema.safeParse(input);
const parseDraft = (input: Record<string, unknown>) => draftSchema.safeParse(input);
const expectValid = (input: Record<string, unknown>) => dataOf(parse(input));
const expectValidDraft = (input: Record<string, unknown>) => dataOf(parseDraft(input));

describe("lists", () => {
  it("has the 47 都道府県 in JIS order with their official names", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    expect(PREFECTURES[0]).toBe("北海道");
    expect(PREFECTURES[12]).toBe("東京都");
    expect(PREFECTURES[13]).toBe("神奈川県");
    expect(PREFECTURES[25]).toBe("京都府");
    expect(PREFECTURES[26]).toBe("大阪府");
    expect(PREFECTURES[46]).toBe("沖縄県");
    for (const name of PREFECTURES.slice(1)) {
      expect(name, name).toMatch(/^.{2,3}[都府県]$/);
    }
  });

  it("has the gender, blood type and 在留資格 options", () => {
    expect(GENDERS).toEqual(["男性", "女性"]);
    expect(BLOOD_TYPES).toEqual(["A", "B", "O", "AB", "不明"]);
    expect(RESIDENCE_STATUSES).toEqual([
      "技能実習",
      "特定技能1号",
      "特定技能2号",
      "永住者",
      "定住者",
      "日本人の配偶者等",
      "永住者の配偶者等",
      "特定活動",
      "技術・人文知識・国際業務",
      "技能",
      "特別永住者",
      "その他",
    ]);
  });
});

describe("ageOn and todayInJapan", () => {
  it("counts a birthday on the day itself", () => {
    expect(ageOn("2010-06-15", "2025-06-14")).toBe(14);
    expect(ageOn("2010-06-15", "2025-06-15")).toBe(15);
    expect(ageOn("2010-12-31", "2025-01-01")).toBe(14);
    expect(ageOn("2010-01-01", "2025-12-31")).toBe(15);
  });

  it("counts a 29 February birthday on 1 March in common years", () => {
    expect(ageOn("2008-02-29", "2023-02-28")).toBe(14);
    expect(ageOn("2008-02-29", "2023-03-01")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
  });

  it("gives the date in Japan time", () => {
    expect(todayInJapan(new Date("2025-06-14T15:00:00Z"))).toBe("2025-06-15");
  });
});

describe("a Japanese national", () => {
  it("is accepted with every value normalised", () => {
    expect(expectValid(JAPANESE)).toEqual({
      isJapanese: "yes",
      familyName: "山田",
      givenName: "太郎",
      familyNameKana: "ヤマダ",
      givenNameKana: "タロウ",
      alias: undefined,
      birthDate: "1990-04-01",
      gender: "男性",
      bloodType: undefined,
      postalCode: "1000001",
      prefecture: "東京都",
      city: "千代田区千代田1-1",
      building: undefined,
      phone: "0312345678",
      email: "Taro@example.jp",
    });
  });

  it("keeps the optional fields when they are filled in", () => {
    const data = expectValid({
      ...JAPANESE,
      alias: " 佐藤 ",
      bloodType: "AB",
      building: "ＡＢＣビル３階",
    });
    expect(data.alias).toBe("佐藤");
    expect(data.bloodType).toBe("AB");
    expect(data.building).toBe("ＡＢＣビル3階");
  });

  it("has the foreign nationals' fields dropped, unvalidated, when they were filled in", () => {
    const data = expectValid({
      ...JAPANESE,
      romanFamilyName: "山田",
      romanMiddleName: "X1",
      romanGivenName: "TARO",
      nationality: "ZZ",
      residenceStatus: "留学",
      residenceExpiry: "2020-01-01",
    });
    for (const key of FOREIGN_NATIONAL_KEYS) expect(data, key).not.toHaveProperty(key);
  });

  it("does not need the foreign nationals' fields at all", () => {
    const input: Record<string, unknown> = { ...JAPANESE };
    for (const key of FOREIGN_NATIONAL_KEYS) delete input[key];
    expectValid(input);
  });
});

describe("required fields", () => {
  it("names every missing field with its own message on its own path", () => {
    expect(issuesOf(parse({}))).toEqual({
      isJapanese: ["日本国籍の有無を選んでください。"],
      familyName: ["氏名（姓）を入力してください。"],
      givenName: ["氏名（名）を入力してください。"],
      familyNameKana: ["フリガナ（セイ）を入力してください。"],
      givenNameKana: ["フリガナ（メイ）を入力してください。"],
      birthDate: ["生年月日を入力してください。"],
      gender: ["性別を選んでください。"],
      postalCode: ["郵便番号を入力してください。"],
      prefecture: ["都道府県を選んでください。"],
      city: ["市区町村・番地を入力してください。"],
      phone: ["電話番号を入力してください。"],
      email: ["メールアドレスを入力してください。"],
    });
  });

  it("says the same in English, with the English labels", () => {
    const issues = issuesOf(parse({}), english);
    expect(issues.isJapanese).toEqual(["Choose whether you have Japanese nationality."]);
    expect(issues.gender).toEqual(["Choose Sex."]);
    expect(issues.city).toEqual(["Enter City, ward, town and street number."]);
    expect(issuesOf(parse({ ...FOREIGN, nationality: "JP" }), english).nationality).toEqual([
      "If you have Japanese nationality, choose “Yes” for “Japanese nationality” instead of choosing a nationality.",
    ]);
    expect(issuesOf(parse({ ...JAPANESE, birthDate: "2010-06-16" }), english).birthDate).toEqual([
      "You can register from the age of 15. Check your date of birth.",
    ]);
    expect(issuesOf(parse({ ...JAPANESE, city: "あ".repeat(101) }), english).city).toEqual([
      expect.stringContaining("City, ward, town and street number"),
    ]);
  });

  it("treats a form of empty strings like missing fields", () => {
    const empty = Object.fromEntries(Object.keys(JAPANESE).map((key) => [key, ""]));
    expect(Object.keys(issuesOf(parse(empty))).sort()).toEqual(
      [
        "isJapanese",
        "familyName",
        "givenName",
        "familyNameKana",
        "givenNameKana",
        "birthDate",
        "gender",
        "postalCode",
        "prefecture",
        "city",
        "phone",
        "email",
      ].sort(),
    );
  });

  it("refuses values outside the lists", () => {
    expect(
      issuesOf(parse({ ...JAPANESE, isJapanese: "maybe", gender: "男", prefecture: "東京", bloodType: "C" })),
    ).toEqual({
      isJapanese: ["日本国籍の有無を選んでください。"],
      gender: ["性別は一覧から選んでください。"],
      prefecture: ["都道府県は一覧から選んでください。"],
      bloodType: ["血液型は一覧から選んでください。"],
    });
  });

  it("puts format messages on the field that has the problem", () => {
    expect(
      issuesOf(
        parse({
          ...JAPANESE,
          familyNameKana: "山田",
          postalCode: "100-001",
          phone: "03-123-4567",
          alias: "山".repeat(41),
          city: "あ".repeat(101),
        }),
      ),
    ).toEqual({
      familyNameKana: [
        "フリガナ（セイ）は全角カタカナで入力してください。（ひらがなで入力した場合は自動でカタカナに変わります）",
      ],
      postalCode: ["郵便番号は7桁の数字で入力してください。（例：100-0001）"],
      phone: [
        "電話番号は市外局番から10桁または11桁の数字で入力してください。（例：03-1234-5678、090-1234-5678）",
      ],
      alias: ["通称名・旧姓は40文字以内で入力してください。（現在41文字）"],
      city: ["市区町村・番地は100文字以内で入力してください。（現在101文字）"],
    });
  });
});

describe("生年月日", () => {
  const birthDateIssues = (birthDate: string, today = TODAY) =>
    issuesOf(makePersonalInfoSchema({ ...OPTIONS, today }).safeParse({ ...JAPANESE, birthDate })).birthDate;

  it("accepts the 15th birthday and refuses the day before it", () => {
    expect(birthDateIssues("2010-06-15")).toBeUndefined();
    expect(birthDateIssues("2010-06-16")).toEqual([M.underMinimumAge]);
    expect(M.underMinimumAge).toBe("15歳以上の方が登録できます。生年月日を確認してください。");
  });

  it("refuses today and the future with one message", () => {
    expect(M.birthDateNotPast).toBe("生年月日は今日より前の日付を入力してください。");
    expect(birthDateIssues(TODAY)).toEqual([M.birthDateNotPast]);
    expect(birthDateIssues("2025-06-16")).toEqual([M.birthDateNotPast]);
    expect(birthDateIssues("2030-01-01")).toEqual([M.birthDateNotPast]);
  });

  it("refuses dates before 1900-01-01", () => {
    expect(birthDateIssues("1900-01-01")).toBeUndefined();
    expect(birthDateIssues("1899-12-31")).toEqual([M.birthDateTooEarly]);
  });

  it("refuses a date that is not on the calendar", () => {
    expect(birthDateIssues("2005-02-30")).toEqual([
      "生年月日の2005年2月30日は存在しない日付です。カレンダーにある日付を入力してください。",
    ]);
    expect(birthDateIssues("2007-02-29")).toHaveLength(1);
  });

  it("handles a leap-day birthday: 15 on 1 March of a common year", () => {
    expect(birthDateIssues("2008-02-29", "2023-02-28")).toEqual([M.underMinimumAge]);
    expect(birthDateIssues("2008-02-29", "2023-03-01")).toBeUndefined();
  });

  it("accepts full-width digits and slashes, and stores YYYY-MM-DD", () => {
    expect(expectValid({ ...JAPANESE, birthDate: "１９９０／４／１" }).birthDate).toBe("1990-04-01");
  });
});

describe("a foreign national", () => {
  it("is accepted, with ローマ字氏名 upper-cased and the date normalised", () => {
    const data = expectValid(FOREIGN);
    expect(data).toMatchObject({
      isJapanese: "no",
      familyName: "グエン",
      givenName: "ヴァン アン",
      romanFamilyName: "NGUYEN",
      romanGivenName: "VAN AN",
      nationality: "VN",
      residenceStatus: "特定技能1号",
      residenceExpiry: "2027-03-31",
    });
    expect(data.romanMiddleName).toBeUndefined();
    expect(expectValid({ ...FOREIGN, romanMiddleName: "thi" }).romanMiddleName).toBe("THI");
  });

  it("must give the ローマ字氏名 (姓 and 名; the middle name is optional)", () => {
    expect(issuesOf(parse({ ...FOREIGN, romanFamilyName: "", romanGivenName: "" }))).toEqual({
      romanFamilyName: ["ローマ字（姓）を入力してください。"],
      romanGivenName: ["ローマ字（名）を入力してください。"],
    });
    const missing: Record<string, unknown> = { ...FOREIGN };
    delete missing.romanFamilyName;
    expect(issuesOf(parse(missing))).toEqual({
      romanFamilyName: ["ローマ字（姓）を入力してください。"],
    });
  });

  it("has the ローマ字氏名 format checked on the right field", () => {
    expect(Object.keys(issuesOf(parse({ ...FOREIGN, romanMiddleName: "ティ" })))).toEqual([
      "romanMiddleName",
    ]);
  });

  it("must choose a known country other than Japan", () => {
    expect(issuesOf(parse({ ...FOREIGN, nationality: "" }))).toEqual({
      nationality: [M.nationalityRequired],
    });
    expect(issuesOf(parse({ ...FOREIGN, nationality: "XX" }))).toEqual({
      nationality: ["国籍は一覧から選んでください。"],
    });
    expect(issuesOf(parse({ ...FOREIGN, nationality: "JP" }))).toEqual({
      nationality: [M.nationalityJapan],
    });
    expect(expectValid({ ...FOREIGN, nationality: "ｐｈ" }).nationality).toBe("PH");
  });

  it("must choose a 在留資格 from the list", () => {
    expect(issuesOf(parse({ ...FOREIGN, residenceStatus: "" }))).toEqual({
      residenceStatus: ["在留資格を選んでください。"],
    });
    expect(issuesOf(parse({ ...FOREIGN, residenceStatus: "留学" }))).toEqual({
      residenceStatus: ["在留資格は一覧から選んでください。"],
    });
  });

  it("needs a 在留期間満了日 of today or later", () => {
    expect(issuesOf(parse({ ...FOREIGN, residenceExpiry: "2025-06-14" }))).toEqual({
      residenceExpiry: ["在留期間満了日が過ぎています。在留カードの期限を確認してください。"],
    });
    expect(expectValid({ ...FOREIGN, residenceExpiry: TODAY }).residenceExpiry).toBe(TODAY);
    expect(issuesOf(parse({ ...FOREIGN, residenceExpiry: "" }))).toEqual({
      residenceExpiry: ["在留期間満了日を入力してください。"],
    });
    expect(issuesOf(parse({ ...FOREIGN, residenceExpiry: "2027-02-29" }))).toEqual({
      residenceExpiry: [
        "在留期間満了日の2027年2月29日は存在しない日付です。カレンダーにある日付を入力してください。",
      ],
    });
  });

  it.each([["永住者"], ["特別永住者"]])(
    "needs no 在留期間満了日 as %s, and any date given is dropped",
    (residenceStatus) => {
      const without = expectValid({ ...FOREIGN, residenceStatus, residenceExpiry: "" });
      expect(without.residenceStatus).toBe(residenceStatus);
      expect(without.residenceExpiry).toBeUndefined();
      const withPastDate = expectValid({ ...FOREIGN, residenceStatus, residenceExpiry: "2020-01-01" });
      expect(withPastDate.residenceExpiry).toBeUndefined();
    },
  );

  it("is told about every problem at once, the foreign fields' with the others", () => {
    const issues = issuesOf(
      parse({ ...FOREIGN, romanFamilyName: "", nationality: "XX", phone: "123", gender: "" }),
    );
    expect(Object.keys(issues).sort()).toEqual(["gender", "nationality", "phone", "romanFamilyName"].sort());
  });
});

describe("options", () => {
  it("refuses a today that is not YYYY-MM-DD", () => {
    expect(() => makePersonalInfoSchema({ ...OPTIONS, today: "2025/06/15" })).toThrow(RangeError);
    expect(() => makePersonalInfoDraftSchema({ ...OPTIONS, today: "" })).toThrow(RangeError);
  });

  it("never accepts JP as a foreign nationality, even when the list has it", () => {
    const withJp = makePersonalInfoSchema({ ...OPTIONS, countryCodes: ["JP", "VN"] });
    expect(issuesOf(withJp.safeParse({ ...FOREIGN, nationality: "JP" }))).toEqual({
      nationality: [M.nationalityJapan],
    });
  });
});

describe("the draft schema (一時保存)", () => {
  it("accepts an empty or almost empty page", () => {
    expect(expectValidDraft({})).toEqual({});
    const data = expectValidDraft({ familyName: " 山田 ", givenNameKana: "たろう", phone: "" });
    expect(data).toMatchObject({ familyName: "山田", givenNameKana: "タロウ" });
    expect(data.phone).toBeUndefined();
  });

  it("still refuses a malformed value, with the same message on the same path", () => {
    expect(issuesOf(parseDraft({ postalCode: "12-345" }))).toEqual({
      postalCode: ["郵便番号は7桁の数字で入力してください。（例：100-0001）"],
    });
    expect(issuesOf(parseDraft({ birthDate: "2025-02-30" }))).toEqual({
      birthDate: ["生年月日の2025年2月30日は存在しない日付です。カレンダーにある日付を入力してください。"],
    });
    expect(Object.keys(issuesOf(parseDraft({ familyNameKana: "山田" })))).toEqual(["familyNameKana"]);
  });

  it("normalises like the full schema", () => {
    expect(expectValidDraft({ postalCode: "１００－０００１", email: "A@B.JP" })).toEqual({
      postalCode: "1000001",
      email: "A@b.jp",
    });
  });

  it("applies no content rule: a not-yet-valid age or expired card can be saved", () => {
    expect(expectValidDraft({ birthDate: "2020-01-01" }).birthDate).toBe("2020-01-01");
    expect(expectValidDraft({ isJapanese: "no", residenceExpiry: "2020-01-01" }).residenceExpiry).toBe(
      "2020-01-01",
    );
  });

  it("checks the foreign fields' format unless 日本国籍 is はい, and drops them when it is", () => {
    expect(issuesOf(parseDraft({ isJapanese: "no", nationality: "XX" }))).toEqual({
      nationality: ["国籍は一覧から選んでください。"],
    });
    expect(issuesOf(parseDraft({ romanFamilyName: "グエン" }))).toHaveProperty("romanFamilyName");
    const data = expectValidDraft({
      isJapanese: "yes",
      romanFamilyName: "グエン",
      nationality: "XX",
    });
    expect(data).not.toHaveProperty("romanFamilyName");
    expect(data).not.toHaveProperty("nationality");
  });

  it("accepts everything the full schema accepts", () => {
    expect(expectValidDraft(FOREIGN)).toEqual(expectValid(FOREIGN));
    expect(expectValidDraft(JAPANESE)).toEqual(expectValid(JAPANESE));
  });
});
