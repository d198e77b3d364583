import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { setClockOffset } from "@/lib/clock";
import { textIn } from "@/lib/i18n/translate";
import {
  calendarDateSchema,
  characterCount,
  choiceSchema,
  EMAIL_ADDRESS_MESSAGES,
  emailAddressSchema,
  halfWidthDigits,
  kanjiNameSchema,
  katakanaNameSchema,
  optionalField,
  pastDateSchema,
  PHONE_NUMBER_MESSAGES,
  phoneNumberSchema,
  POSTAL_CODE_MESSAGES,
  postalCodeSchema,
  romanNameSchema,
  todayInJapan,
} from "@/lib/schemas/normalize";

/** The messages of a failed parse; [] on success. */
function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** The messages of a failed parse as the Japanese page shows them (they are references, issue 15). */
async function jaMessagesOf(schema: z.ZodType, value: unknown): Promise<string[]> {
  return Promise.all(messagesOf(schema, value).map((message) => textIn("ja", message)));
}

/** The same in English. */
async function enMessagesOf(schema: z.ZodType, value: unknown): Promise<string[]> {
  return Promise.all(messagesOf(schema, value).map((message) => textIn("en", message)));
}

function dataOf<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`expected success, got ${JSON.stringify(result.error.issues)}`);
  }
  return result.data;
}

describe("halfWidthDigits", () => {
  it("turns full-width digits into ASCII and trims", async () => {
    expect(halfWidthDigits("　０１２３４５６７８９ ")).toBe("0123456789");
  });

  it("turns every hyphen-like character between digits into '-'", async () => {
    for (const dash of ["ー", "ｰ", "－", "‐", "‑", "–", "—", "―", "−", "-"]) {
      expect(halfWidthDigits(`１００${dash}０００１`), dash).toBe("100-0001");
    }
  });

  it("keeps ー inside katakana words and leaves letters and kanji alone", async () => {
    expect(halfWidthDigits("センター北１ー２ー３")).toBe("センター北1-2-3");
    expect(halfWidthDigits("グリーンハイツＡ棟")).toBe("グリーンハイツＡ棟");
  });
});

describe("postalCodeSchema", () => {
  it.each([
    ["1000001"],
    ["100-0001"],
    ["１００－０００１"],
    ["１０００００１"],
    ["100 0001"],
    ["100　0001"],
    ["100ー0001"],
    ["〒100-0001"],
    [" 100-0001 "],
  ])("accepts %j as 1000001", async (input) => {
    expect(dataOf(postalCodeSchema, input)).toBe("1000001");
  });

  it.each([["100-001"], ["10000012"], ["100--0001"], ["1000-001"], ["abc-defg"], ["100-000１a"]])(
    "refuses %j with the 7-digit message",
    async (input) => {
      expect(messagesOf(postalCodeSchema, input)).toEqual([POSTAL_CODE_MESSAGES.invalid]);
    },
  );

  it("asks for the postal code when it is empty or missing", async () => {
    expect(await textIn("ja", POSTAL_CODE_MESSAGES.required)).toBe("郵便番号を入力してください。");
    expect(await textIn("ja", POSTAL_CODE_MESSAGES.invalid)).toBe(
      "郵便番号は7桁の数字で入力してください。（例：100-0001）",
    );
    expect(messagesOf(postalCodeSchema, "")).toEqual([POSTAL_CODE_MESSAGES.required]);
    expect(messagesOf(postalCodeSchema, "  ")).toEqual([POSTAL_CODE_MESSAGES.required]);
    expect(messagesOf(postalCodeSchema, undefined)).toEqual([POSTAL_CODE_MESSAGES.required]);
  });
});

describe("phoneNumberSchema", () => {
  it("refuses 9 digits, accepts 10 and 11, refuses 12", async () => {
    expect(messagesOf(phoneNumberSchema, "03-123-4567")).toEqual([PHONE_NUMBER_MESSAGES.invalid]);
    expect(dataOf(phoneNumberSchema, "03-1234-5678")).toBe("0312345678");
    expect(dataOf(phoneNumberSchema, "090-1234-5678")).toBe("09012345678");
    expect(messagesOf(phoneNumberSchema, "090-1234-56789")).toEqual([PHONE_NUMBER_MESSAGES.invalid]);
  });

  it.each([
    ["0312345678", "0312345678"],
    ["(03)1234-5678", "0312345678"],
    ["（０３）１２３４－５６７８", "0312345678"],
    ["０９０ １２３４ ５６７８", "09012345678"],
    ["090ー1234ー5678", "09012345678"],
    ["+81 90-1234-5678", "09012345678"],
    ["＋８１ ３ １２３４ ５６７８", "0312345678"],
  ])("accepts %j as %j", async (input, expected) => {
    expect(dataOf(phoneNumberSchema, input)).toBe(expected);
  });

  it("refuses numbers that do not start with 0 or contain letters", async () => {
    expect(messagesOf(phoneNumberSchema, "3123456789")).toEqual([PHONE_NUMBER_MESSAGES.invalid]);
    expect(messagesOf(phoneNumberSchema, "090-1234-567a")).toEqual([PHONE_NUMBER_MESSAGES.invalid]);
  });

  it("has the specified messages and asks for an empty number", async () => {
    expect(await textIn("ja", PHONE_NUMBER_MESSAGES.required)).toBe("電話番号を入力してください。");
    expect(await textIn("ja", PHONE_NUMBER_MESSAGES.invalid)).toBe(
      "電話番号は市外局番から10桁または11桁の数字で入力してください。（例：03-1234-5678、090-1234-5678）",
    );
    expect(messagesOf(phoneNumberSchema, "")).toEqual([PHONE_NUMBER_MESSAGES.required]);
    expect(messagesOf(phoneNumberSchema, null)).toEqual([PHONE_NUMBER_MESSAGES.required]);
  });
});

describe("katakanaNameSchema", () => {
  const schema = katakanaNameSchema("フリガナ（セイ）");
  const NOT_KATAKANA =
    "フリガナ（セイ）は全角カタカナで入力してください。（ひらがなで入力した場合は自動でカタカナに変わります）";

  it("converts hiragana and half-width kana, and trims", async () => {
    expect(dataOf(schema, "やまだ")).toBe("ヤマダ");
    expect(dataOf(schema, "ｶﾞｯｺｳ")).toBe("ガッコウ");
    expect(dataOf(schema, "　ヤマダ ")).toBe("ヤマダ");
  });

  it("turns a dash typed after a katakana into the long vowel mark", async () => {
    expect(dataOf(schema, "ひ-ろ-")).toBe("ヒーロー");
    expect(dataOf(schema, "ヒ－ロ－")).toBe("ヒーロー");
  });

  it("refuses kanji, Latin letters and digits with the katakana message", async () => {
    expect(await jaMessagesOf(schema, "山田")).toEqual([NOT_KATAKANA]);
    expect(await jaMessagesOf(schema, "YAMADA")).toEqual([NOT_KATAKANA]);
    expect(await jaMessagesOf(schema, "ヤマダ2")).toEqual([NOT_KATAKANA]);
  });

  it("says to remove a space rather than giving the general message", async () => {
    expect(await jaMessagesOf(schema, "ヤマダ タロウ")).toEqual([
      "フリガナ（セイ）にスペース（空白）は入れられません。スペースを除いて全角カタカナで入力してください。",
    ]);
  });

  it("accepts 30 characters and refuses 31, saying how many there are", async () => {
    expect(dataOf(schema, "ア".repeat(30))).toBe("ア".repeat(30));
    expect(await jaMessagesOf(schema, "あ".repeat(31))).toEqual([
      "フリガナ（セイ）は30文字以内で入力してください。（現在31文字）",
    ]);
  });

  it("asks for an empty value", async () => {
    expect(await jaMessagesOf(schema, "")).toEqual(["フリガナ（セイ）を入力してください。"]);
    expect(await jaMessagesOf(schema, undefined)).toEqual(["フリガナ（セイ）を入力してください。"]);
  });
});

describe("kanjiNameSchema", () => {
  const schema = kanjiNameSchema("氏名（姓）");

  it("trims, collapses inner spaces and composes NFD text", async () => {
    expect(dataOf(schema, "  山田 ")).toBe("山田");
    expect(dataOf(schema, "山田　 花子")).toBe("山田 花子");
    expect(dataOf(schema, "なか\u3099た")).toBe("ながた");
  });

  it("keeps 異体字 and full-width letters (NFC, not NFKC)", async () => {
    expect(dataOf(schema, "髙橋")).toBe("髙橋");
    expect(dataOf(schema, "𠮷田")).toBe("𠮷田");
    expect(dataOf(schema, "ＭＡＲＩＡ")).toBe("ＭＡＲＩＡ");
    expect(dataOf(schema, "々〆ヶ")).toBe("々〆ヶ");
  });

  it("accepts names in any script, as on the 在留カード", async () => {
    expect(dataOf(schema, "NGUYEN")).toBe("NGUYEN");
    expect(dataOf(schema, "マリア・クララ")).toBe("マリア・クララ");
    expect(dataOf(schema, "Nguyễn")).toBe("Nguyễn");
  });

  it("refuses digits and symbols, naming them", async () => {
    expect(await jaMessagesOf(schema, "山田1")).toEqual([
      "氏名（姓）に「1」は使えません。数字や記号を除いて、氏名（姓）だけを入力してください。",
    ]);
    expect(await jaMessagesOf(schema, "山田２")).toEqual([
      "氏名（姓）に「２」は使えません。数字や記号を除いて、氏名（姓）だけを入力してください。",
    ]);
    expect(await jaMessagesOf(schema, "山田@")).toEqual([
      "氏名（姓）に「@」は使えません。記号を除いて、氏名（姓）だけを入力してください。",
    ]);
    expect(messagesOf(schema, "O'Brien")).toHaveLength(1);
  });

  it("counts characters as the user does and honours max", async () => {
    expect(dataOf(schema, "𠮷".repeat(20))).toBe("𠮷".repeat(20));
    expect(await jaMessagesOf(schema, "山".repeat(21))).toEqual([
      "氏名（姓）は20文字以内で入力してください。（現在21文字）",
    ]);
    expect(messagesOf(kanjiNameSchema("通称名", 40), "山".repeat(40))).toEqual([]);
    expect(messagesOf(kanjiNameSchema("通称名", 40), "山".repeat(41))).toHaveLength(1);
    expect(characterCount("𠮷田")).toBe(2);
  });

  it("asks for an empty name", async () => {
    expect(await jaMessagesOf(schema, " ")).toEqual(["氏名（姓）を入力してください。"]);
  });
});

describe("romanNameSchema", () => {
  const schema = romanNameSchema("ローマ字氏名（姓）");

  it("upper-cases, makes half-width and tidies spaces and apostrophes", async () => {
    expect(dataOf(schema, " nguyen  van ")).toBe("NGUYEN VAN");
    expect(dataOf(schema, "ｎｇｕｙｅｎ")).toBe("NGUYEN");
    expect(dataOf(schema, "o’brien")).toBe("O'BRIEN");
    expect(dataOf(schema, "Jean-Pierre")).toBe("JEAN-PIERRE");
  });

  it("refuses kana, accented letters, digits and other symbols", async () => {
    for (const value of ["グエン", "JOSÉ", "ANNA2", "DE LA CRUZ.", "-", "'"]) {
      expect(await jaMessagesOf(schema, value), value).toEqual([
        "ローマ字氏名（姓）は在留カードのとおり、半角の大文字アルファベット（A〜Z）で入力してください。使える記号はスペース、ハイフン（-）、アポストロフィ（'）だけです。",
      ]);
    }
  });

  it("asks for an empty value", async () => {
    expect(await jaMessagesOf(schema, "")).toEqual(["ローマ字氏名（姓）を入力してください。"]);
  });
});

describe("emailAddressSchema", () => {
  it("lower-cases the domain only, makes full-width characters half-width and trims", async () => {
    expect(dataOf(emailAddressSchema, " Taro.Yamada@Example.CO.JP ")).toBe("Taro.Yamada@example.co.jp");
    expect(dataOf(emailAddressSchema, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")).toBe("taro@example.jp");
  });

  it("says what is wrong with a malformed address", async () => {
    expect(messagesOf(emailAddressSchema, "")).toEqual([EMAIL_ADDRESS_MESSAGES.required]);
    expect(messagesOf(emailAddressSchema, "taro.example.jp")).toEqual([EMAIL_ADDRESS_MESSAGES.noAtSign]);
    expect(messagesOf(emailAddressSchema, "taro..y@docomo.ne.jp")).toEqual([EMAIL_ADDRESS_MESSAGES.dots]);
    expect(messagesOf(emailAddressSchema, "taro.@ezweb.ne.jp")).toEqual([EMAIL_ADDRESS_MESSAGES.dots]);
    expect(messagesOf(emailAddressSchema, "taro@example")).toEqual([EMAIL_ADDRESS_MESSAGES.invalid]);
    expect(messagesOf(emailAddressSchema, "taro@@example.jp")).toEqual([EMAIL_ADDRESS_MESSAGES.invalid]);
  });

  it("accepts 254 characters and refuses 255", async () => {
    const domain = "@example.jp";
    const at254 = "a".repeat(254 - domain.length) + domain;
    expect(dataOf(emailAddressSchema, at254)).toBe(at254);
    expect(messagesOf(emailAddressSchema, `a${at254}`)).toEqual([EMAIL_ADDRESS_MESSAGES.tooLong]);
  });
});

describe("calendarDateSchema", () => {
  const schema = calendarDateSchema("受診日");

  it.each([
    ["2025-02-03", "2025-02-03"],
    ["2025/02/03", "2025-02-03"],
    ["2025/2/3", "2025-02-03"],
    ["２０２５／０２／０３", "2025-02-03"],
    ["２０２５－０２－０３", "2025-02-03"],
    ["2025年2月3日", "2025-02-03"],
    ["20250203", "2025-02-03"],
    [" 2025-02-03 ", "2025-02-03"],
  ])("reads %j as %j", async (input, expected) => {
    expect(dataOf(schema, input)).toBe(expected);
  });

  it("refuses dates that are not on the calendar", async () => {
    expect(await jaMessagesOf(schema, "2025-02-30")).toEqual([
      "受診日の2025年2月30日は存在しない日付です。カレンダーにある日付を入力してください。",
    ]);
    expect(messagesOf(schema, "2025-02-29")).toHaveLength(1);
    expect(messagesOf(schema, "1900-02-29")).toHaveLength(1);
    expect(messagesOf(schema, "2025-04-31")).toHaveLength(1);
    expect(messagesOf(schema, "2025-13-01")).toHaveLength(1);
    expect(messagesOf(schema, "2025-00-10")).toHaveLength(1);
    expect(messagesOf(schema, "2025-01-00")).toHaveLength(1);
  });

  it("accepts leap days", async () => {
    expect(dataOf(schema, "2008-02-29")).toBe("2008-02-29");
    expect(dataOf(schema, "2000-02-29")).toBe("2000-02-29");
    expect(dataOf(schema, "2025-12-31")).toBe("2025-12-31");
  });

  it("explains the expected form of text that is not a date, and asks for an empty one", async () => {
    expect(await jaMessagesOf(schema, "2月3日")).toEqual([
      "受診日は「2000-01-31」または「2000/01/31」のように、年（4桁）・月・日の順で入力してください。",
    ]);
    expect(await jaMessagesOf(schema, "")).toEqual(["受診日を入力してください。"]);
  });
});

describe("pastDateSchema", () => {
  afterEach(() => setClockOffset(0));

  it("accepts today and refuses tomorrow", async () => {
    const schema = pastDateSchema("取得年月日", "2025-06-15");
    expect(dataOf(schema, "2025-06-15")).toBe("2025-06-15");
    expect(dataOf(schema, "2025/06/14")).toBe("2025-06-14");
    expect(await jaMessagesOf(schema, "2025-06-16")).toEqual([
      "取得年月日は今日以前の日付を入力してください。未来の日付は入力できません。",
    ]);
  });

  it("gives only the calendar message for an impossible date", async () => {
    expect(messagesOf(pastDateSchema("取得年月日", "2025-06-15"), "2099-02-30")).toHaveLength(1);
  });

  it("without a given today, reads the clock at parse time (not when the schema was built)", async () => {
    const schema = pastDateSchema("取得年月日");
    const today = todayInJapan(new Date());
    expect(dataOf(schema, today)).toBe(today);
    setClockOffset(-3 * 24 * 60 * 60 * 1000);
    expect(messagesOf(schema, today)).toHaveLength(1);
  });
});

describe("todayInJapan", () => {
  it("switches at midnight Japan time (15:00 UTC)", async () => {
    expect(todayInJapan(new Date("2025-06-14T14:59:59Z"))).toBe("2025-06-14");
    expect(todayInJapan(new Date("2025-06-14T15:00:00Z"))).toBe("2025-06-15");
    expect(todayInJapan(new Date("2024-12-31T15:00:00Z"))).toBe("2025-01-01");
  });
});

describe("optionalField and choiceSchema", () => {
  const bloodType = choiceSchema(["A", "B"], {
    required: "血液型を選んでください。",
    invalid: "血液型は一覧から選んでください。",
  });

  it("treats '', whitespace, null and undefined as not given", async () => {
    const schema = optionalField(postalCodeSchema);
    for (const value of ["", "   ", null, undefined]) {
      expect(dataOf(schema, value)).toBeUndefined();
    }
    expect(dataOf(schema, "100-0001")).toBe("1000001");
    expect(messagesOf(schema, "12")).toEqual([POSTAL_CODE_MESSAGES.invalid]);
  });

  it("gives the required message for empty and the list message for anything else", async () => {
    expect(await jaMessagesOf(bloodType, "")).toEqual(["血液型を選んでください。"]);
    expect(await jaMessagesOf(bloodType, "C")).toEqual(["血液型は一覧から選んでください。"]);
    expect(dataOf(bloodType, "A")).toBe("A");
    expect(dataOf(optionalField(bloodType), "")).toBeUndefined();
  });
});

describe("the messages in English (issue 15)", () => {
  it("puts the same references into English words, labels included", async () => {
    expect(await enMessagesOf(postalCodeSchema, "12")).toEqual([
      "Enter the postal code as 7 digits (for example 100-0001).",
    ]);
    expect(await enMessagesOf(kanjiNameSchema("Family name"), "")).toEqual(["Enter Family name."]);
    expect(await enMessagesOf(kanjiNameSchema("Family name"), "山".repeat(21))).toEqual([
      "Family name can be at most 20 characters (now 21).",
    ]);
    expect(await enMessagesOf(kanjiNameSchema("Family name"), "山田1")).toEqual([
      "Family name cannot contain 「1」. Remove the numbers and symbols and enter only Family name.",
    ]);
    expect(await enMessagesOf(calendarDateSchema("Date of check-up"), "2025-02-30")).toEqual([
      "Date of check-up: 2025-2-30 is not a real date. Enter a date that is on the calendar.",
    ]);
    expect(await enMessagesOf(emailAddressSchema, "taro.example.jp")).toEqual([
      "The email address has no “@”. Enter it as an email address (for example name@example.jp).",
    ]);
  });

  it("keeps six or more refused characters short in both languages", async () => {
    const schema = kanjiNameSchema("氏名（姓）");
    expect(await jaMessagesOf(schema, "山!#$%&+")).toEqual([
      "氏名（姓）に「!」「#」「$」「%」「&」などは使えません。記号を除いて、氏名（姓）だけを入力してください。",
    ]);
    expect(await enMessagesOf(kanjiNameSchema("Family name"), "山!#$%&+")).toEqual([
      "Family name cannot contain 「!」「#」「$」「%」「&」 and others. Remove the symbols and enter only Family name.",
    ]);
  });
});
