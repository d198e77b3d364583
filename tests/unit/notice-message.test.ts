// A 通知 in the reader's language (issue 15): the stored body is the Japanese text only, the binding
// one; the message references travel beside it (notice.message); an old notice has none and stays
// Japanese.
import { describe, expect, it } from "vitest";
import { textIn } from "@/lib/i18n/translate";
import { noticeMessageOf, storedNoticeText, type NoticeLine } from "@/lib/notices/notice-message";
import {
  applicationReceivedNotice,
  applicationReturnedNotice,
  noticeTitleKey,
  passwordChangedNotice,
  paymentCodeIssuedNotice,
  paymentCompletedNotice,
} from "@/lib/notices/notice-texts";
import type { Locale } from "@/lib/i18n/locales";

/** The body's lines in `locale`, as the notice page puts them together (text, then Japanese data). */
async function linesIn(locale: Locale, lines: readonly NoticeLine[]): Promise<string[]> {
  return Promise.all(
    lines.map(async (line) => `${line.text ? await textIn(locale, line.text) : ""}${line.ja ?? ""}`),
  );
}

describe("notice messages", () => {
  it("keeps the body the Japanese text as it was worded and its references beside it", async () => {
    const { body: japanese, message } = passwordChangedNotice();
    expect(japanese).toBe(
      [
        "申請ログインIDのパスワードが変更されました。",
        "次回から、変更後のパスワードでログインしてください。",
        "",
        "このパスワード変更にお心当たりがない場合は、第三者に不正に利用されているおそれがあります。至急、登録事務局までご連絡ください。",
      ].join("\n"),
    );
    // The references put into Japanese are the stored Japanese, line by line.
    expect((await linesIn("ja", message.lines)).join("\n")).toBe(japanese);
    expect(await linesIn("en", message.lines)).toEqual([
      "The password of your application login ID (申請ログインID) was changed.",
      "From now on, log in with the new password.",
      "",
      "If you did not change it, someone else may be using your account. Contact the registration office at once.",
    ]);
  });

  it("shows the registration type in the reader's language", async () => {
    const notice = applicationReceivedNotice({
      applicationNumber: "20261126-000001",
      registrationType: "簡略型登録",
    });
    const english = await linesIn("en", notice.message.lines);
    expect(english).toContain("Application number (申請番号): 20261126-000001");
    expect(english).toContain("Registration type: Simple registration (簡略型登録)");
  });

  it("returned: the group in the reader's language, the office's reason and comment as written", async () => {
    const notice = applicationReturnedNotice({
      applicationNumber: "20261126-000003",
      items: [
        {
          groupLabel: "本人情報",
          reasonLabel: "氏名が本人確認書類と一致しない",
          comment: "旧姓で入力されています。",
        },
        { groupLabel: "顔写真", reasonLabel: "顔が確認できない", comment: "" },
      ],
    });
    const { body: japanese, message } = notice;
    expect(japanese.split("\n")).toContain("1. 【本人情報】氏名が本人確認書類と一致しない");
    const reasons = message.lines.filter((line) => line.ja);
    expect(reasons.map((line) => line.ja)).toEqual([
      "氏名が本人確認書類と一致しない",
      "旧姓で入力されています。",
      "顔が確認できない",
    ]);
    const english = await linesIn("en", message.lines);
    expect(english).toContain("1. [Personal information (本人情報)] 氏名が本人確認書類と一致しない");
    expect(english).toContain("   Comment: 旧姓で入力されています。");
    expect(english).toContain("2. [Face photo (顔写真)] 顔が確認できない");
    expect(english.at(-1)).toBe(
      "Correct your application from “Application correction (20_申請の修正)” in the menu, and apply again.",
    );
  });

  it("payment: the amount and deadline in the reader's words; other Japanese data as it is", async () => {
    const completed = paymentCompletedNotice({
      applicationNumber: "20261126-000004",
      amount: "2,500円（税込）",
      method: "クレジットカード",
      paidAt: "2026/12/21 23:59（日本時間）",
    });
    expect(completed.body.split("\n")).toEqual(
      expect.arrayContaining(["お支払い金額：2,500円（税込）", "お支払い日時：2026/12/21 23:59（日本時間）"]),
    );
    const english = await linesIn("en", completed.message.lines);
    expect(english).toContain("Amount: ¥2,500 (tax included)");
    expect(english).toContain("Payment method: クレジットカード");
    expect(english).toContain("Paid on: 2026/12/21 23:59 (Japan time)");

    // A figure the notice does not know the form of stays as its Japanese line.
    const issued = paymentCodeIssuedNotice({
      applicationNumber: "20261126-000005",
      method: "払込票",
      numberLines: ["払込票番号：1234-5678"],
      amount: "2500 yen",
      deadline: "2026/12/21 23:59（日本時間）",
      isSlip: true,
    });
    expect(issued.message.lines).toEqual(
      expect.arrayContaining([{ ja: "払込票番号：1234-5678" }, { ja: "お支払い金額：2500 yen" }]),
    );
  });

  it("a stored message is read back as it was written; none, or one of another shape, is no message", () => {
    const { message } = applicationReceivedNotice({
      applicationNumber: "20261126-000001",
      registrationType: "簡略型登録",
    });
    // As the column gives it back (jsonb: the JSON of what was written).
    expect(noticeMessageOf(JSON.parse(JSON.stringify(message)))).toEqual(message);
    for (const damaged of [
      null,
      undefined,
      "本文",
      [],
      {},
      { lines: "x" },
      { lines: [{ text: 1 }] },
      { lines: [null] },
    ]) {
      expect(noticeMessageOf(damaged)).toBeNull();
    }
  });

  it("writes no message into the body: every body is the Japanese words of its lines, nothing after", async () => {
    const notices = [
      passwordChangedNotice(),
      applicationReceivedNotice({ applicationNumber: "20261126-000001", registrationType: "簡略型登録" }),
      applicationReturnedNotice({
        applicationNumber: "20261126-000003",
        items: [
          { groupLabel: "本人情報", reasonLabel: "氏名が本人確認書類と一致しない", comment: "旧姓です。" },
        ],
      }),
      paymentCodeIssuedNotice({
        applicationNumber: "20261126-000005",
        method: "コンビニ払い（ローソン）",
        numberLines: ["受付番号：1234-5678"],
        amount: "2,500円（税込）",
        deadline: "2026/12/21 23:59（日本時間）",
        isSlip: false,
      }),
    ];
    for (const notice of notices) {
      expect((await linesIn("ja", notice.message.lines)).join("\n")).toBe(notice.body);
      expect(notice.body).not.toMatch(/[\u0000-\u0009\u000b-\u001f]|i18n:|"lines"/);
    }
  });

  it("takes apart a body the release before wrote (message after U+001E), for a rolling deploy", () => {
    const { body, message } = passwordChangedNotice();
    const legacy = `${body}\n\u001eccus-notice-message:${JSON.stringify(message)}`;
    expect(storedNoticeText(legacy, null)).toEqual({ body, message });
    // The column wins over the tail; a tail that is not a message leaves only the Japanese.
    const other = { lines: [{ ja: "別" }] };
    expect(storedNoticeText(legacy, other)).toEqual({ body, message: other });
    expect(storedNoticeText(`${body}\n\u001eccus-notice-message:{not json`, null)).toEqual({
      body,
      message: null,
    });
    // A body of today is read as it is.
    expect(storedNoticeText(body, message)).toEqual({ body, message });
  });

  it("finds every title the portal writes, old notices' included, and no other", async () => {
    const key = noticeTitleKey("技能者情報申請内容不備のお知らせ");
    expect(key).toBe("review.noticeText.titles.returned");
    expect(await textIn("en", `i18n:${key}`)).toBe("Your technician application needs correcting (不備)");
    expect(noticeTitleKey(passwordChangedNotice().title)).toBe("review.noticeText.titles.passwordChanged");
    expect(noticeTitleKey("番号 1")).toBeNull();
  });
});
