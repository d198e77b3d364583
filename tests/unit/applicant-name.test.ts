// 氏名 of 発行する, 一括発行 and 利用申し込み: one rule, name characters only, because the name is
// printed in the greeting of official mail (issue 9, item 2: no phishing text from the CCUS sender).
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/form-state";
import { validateRow } from "@/lib/bulk-issue/validate-row";
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";
import { applicantNameSchema } from "@/lib/schemas/applicant-name";
import { usageRequestSchema } from "@/lib/schemas/usage-request";
import { textIn } from "@/lib/i18n/translate";

const request = {
  address: "東京都千代田区霞が関1-2-3",
  phone: "090-1234-5678",
  email: "taro@example.jp",
};

/** 利用申し込み's messages for the name, in Japanese (references, issue 15) or `locale`. */
const nameErrors = async (name: string, locale: "ja" | "en" = "ja") => {
  const result = usageRequestSchema.safeParse({ ...request, name });
  const messages = result.success ? [] : (fieldErrorsOf(result.error).name ?? []);
  return Promise.all(messages.map((message) => textIn(locale, message)));
};

describe("applicantNameSchema", () => {
  it.each([
    ["山田 太郎", "山田 太郎"],
    ["　髙橋　　﨑子 ", "髙橋 﨑子"],
    ["佐々木 〇子", "佐々木 〇子"],
    ["やまだ たろう", "やまだ たろう"],
    ["ヤマダ・タロウ", "ヤマダ・タロウ"],
    ["ｾﾝﾀｰ ﾀﾛｳ", "ｾﾝﾀｰ ﾀﾛｳ"],
    ["NGUYEN VAN AN", "NGUYEN VAN AN"],
    ["Mary-Jane O'Neil", "Mary-Jane O'Neil"],
    ["José Müller", "José Müller"],
    ["𠮷田 花子", "𠮷田 花子"],
    ["山田\t太郎\r\n", "山田 太郎"],
  ])("accepts the name %j as %j", (typed, stored) => {
    const result = applicantNameSchema.safeParse(typed);
    expect(result.success && result.data).toBe(stored);
  });

  it.each([
    "山田 太郎 https://evil.example/login",
    "山田 太郎 www.evil.example",
    "taro@example.jp",
    "山田 太郎 03-1234-5678",
    "山田 ①子",
    "山田 １郎",
    "山田 太郎 様、パスワードを入力してください：",
    '=HYPERLINK("x")',
    "＝山田",
    "<b>山田</b>",
    "山田\u0000太郎",
    "山田\u200b太郎",
    "山田\u202e太郎",
  ])("refuses %j and says why", async (name) => {
    const errors = await nameErrors(name);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^氏名に.+は使えません。/);
    expect(errors[0]).toContain("漢字・ひらがな・カタカナ・アルファベットで入力してください");
  });

  it("names the characters it refuses, digits and invisible ones in words", async () => {
    expect((await nameErrors("山田 1郎@"))[0]).toMatch(/^氏名に「1」「@」は使えません。数字や記号を除いて、/);
    expect((await nameErrors("山田\u200b太郎"))[0]).toMatch(
      /^氏名に目に見えない制御文字は使えません。記号を除いて、/,
    );
    expect((await nameErrors("山田:/\u0007"))[0]).toMatch(
      /^氏名に「:」「\/」と目に見えない制御文字は使えません。/,
    );
    expect((await nameErrors("山田 1郎@", "en"))[0]).toMatch(
      /^The full name cannot contain 「1」「@」\. Leave out digits and symbols and write it in /,
    );
  });

  it("keeps the required and length messages", async () => {
    expect(await nameErrors(" ")).toEqual(["氏名を入力してください。"]);
    expect(await nameErrors("あ".repeat(101))).toEqual(["氏名は100文字以内で入力してください。"]);
    expect(await nameErrors("あ".repeat(100))).toEqual([]);
  });

  it("is the rule of the staff form and of every bulk row", async () => {
    const phishing = "山田 太郎 http://evil.example";
    const staff = applicantIssueSchema.safeParse({ name: phishing, email: "taro@example.jp" });
    expect(staff.success).toBe(false);
    expect(staff.success ? [] : fieldErrorsOf(staff.error).name).toEqual(await nameErrors(phishing));
    const row = validateRow({ name: phishing, email: "taro@example.jp" });
    expect(row).toEqual({ ok: false, reason: (await nameErrors(phishing))[0] });
    expect(validateRow({ name: "山田 太郎", email: "taro@example.jp" })).toMatchObject({ ok: true });
  });
});
