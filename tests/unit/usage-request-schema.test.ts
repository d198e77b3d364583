// 利用申し込み's one schema, shared by the browser form and the server action.
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/form-state";
import { EMAIL_ADDRESS_MESSAGES, PHONE_NUMBER_MESSAGES } from "@/lib/schemas/normalize";
import { USAGE_REQUEST_FIELDS, usageRequestSchema } from "@/lib/schemas/usage-request";
import { textIn } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";

const valid = {
  name: "山田 太郎",
  address: "東京都千代田区霞が関1-2-3 霞が関ビル101号室",
  phone: "090-1234-5678",
  email: "taro.yamada@example.jp",
};

/** Each field's messages in `locale` (the schema's messages are references, issue 15). */
async function errorsOf(values: Record<string, string>, locale: Locale = "ja") {
  const result = usageRequestSchema.safeParse(values);
  if (result.success) return {};
  const entries = await Promise.all(
    Object.entries(fieldErrorsOf(result.error)).map(
      async ([field, messages]) =>
        [field, await Promise.all((messages ?? []).map((message) => textIn(locale, message)))] as const,
    ),
  );
  return Object.fromEntries(entries);
}
const ja = (message: string) => textIn("ja", message);

describe("usageRequestSchema", () => {
  it("accepts a complete request and normalises what people type", () => {
    const result = usageRequestSchema.safeParse({
      name: "　山田　　太郎 ",
      address: " 東京都千代田区霞が関１－２－３　霞が関ビル１０１号室 ",
      phone: "０９０ー１２３４ー５６７８",
      email: " ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ",
    });
    expect(result.success && result.data).toEqual({
      name: "山田 太郎",
      address: "東京都千代田区霞が関1-2-3　霞が関ビル101号室",
      phone: "09012345678",
      email: "taro@example.jp",
    });
  });

  it("keeps the case before the @ as typed (the lookup is case-insensitive)", () => {
    const result = usageRequestSchema.safeParse({ ...valid, email: "Taro.Yamada@Example.JP" });
    expect(result.success && result.data.email).toBe("Taro.Yamada@example.jp");
  });

  it("says what is missing for every empty field at once", async () => {
    const empty = { name: "", address: " ", phone: "", email: "" };
    expect(await errorsOf(empty)).toEqual({
      name: ["氏名を入力してください。"],
      address: ["住所を入力してください。"],
      phone: [await ja(PHONE_NUMBER_MESSAGES.required)],
      email: [await ja(EMAIL_ADDRESS_MESSAGES.required)],
    });
    const english = await errorsOf(empty, "en");
    expect(english.name).toEqual(["Enter the full name."]);
    expect(english.address?.[0]).toContain("Address");
  });

  it("names the form fields the action reads, in the order of the form", () => {
    expect(USAGE_REQUEST_FIELDS).toEqual(["name", "address", "phone", "email"]);
    expect(Object.keys(usageRequestSchema.shape)).toEqual([...USAGE_REQUEST_FIELDS]);
  });

  it("refuses a phone number that is not 10 or 11 digits from the area code", async () => {
    expect(await errorsOf({ ...valid, phone: "1234-5678" })).toEqual({
      phone: [await ja(PHONE_NUMBER_MESSAGES.invalid)],
    });
    expect(await errorsOf({ ...valid, phone: "090-1234-56789" })).toEqual({
      phone: [await ja(PHONE_NUMBER_MESSAGES.invalid)],
    });
    expect(await errorsOf({ ...valid, phone: "+81 90-1234-5678" })).toEqual({});
  });

  it("says what is wrong with an e-mail address, with an example", async () => {
    expect(await errorsOf({ ...valid, email: "taro.example.jp" })).toEqual({
      email: [await ja(EMAIL_ADDRESS_MESSAGES.noAtSign)],
    });
    expect(await errorsOf({ ...valid, email: "taro@example" })).toEqual({
      email: [await ja(EMAIL_ADDRESS_MESSAGES.invalid)],
    });
  });

  it("limits each text to what the database column holds, counting characters as people do", async () => {
    expect(await errorsOf({ ...valid, name: "あ".repeat(100) })).toEqual({});
    expect(await errorsOf({ ...valid, name: "あ".repeat(101) })).toEqual({
      name: ["氏名は100文字以内で入力してください。"],
    });
    // 𠮷 is one character (two UTF-16 units); 200 of them fit VarChar(200).
    expect(await errorsOf({ ...valid, address: "𠮷".repeat(200) })).toEqual({});
    expect(await errorsOf({ ...valid, address: "東".repeat(201) })).toEqual({
      address: ["住所は200文字以内で入力してください。（現在201文字）"],
    });
    const longest = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.jp`;
    expect(longest).toHaveLength(254);
    expect(await errorsOf({ ...valid, email: longest })).toEqual({});
    expect(await errorsOf({ ...valid, email: `${"a".repeat(244)}@example.jp` })).toEqual({
      email: [await ja(EMAIL_ADDRESS_MESSAGES.tooLong)],
    });
  });
});
