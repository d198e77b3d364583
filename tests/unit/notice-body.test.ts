// A 通知's body on its page (components/notices/notice-body.tsx): the stored Japanese text as it is
// in Japanese; the message (notice.message) in another language, the Japanese data in it marked
// lang="ja"; the Japanese, marked, for a notice with no message. Never the message's JSON nor its
// references as text.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { NoticeBody } from "@/components/notices/notice-body";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import type { NoticeMessage } from "@/lib/notices/notice-message";
import { applicationReturnedNotice } from "@/lib/notices/notice-texts";

type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;

async function render(locale: Locale, body: string, message: NoticeMessage | null): Promise<string> {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // Its children come as createElement's third argument.
      { locale, messages: await loadMessages(locale), timeZone: "Asia/Tokyo" } as ProviderProps,
      createElement(NoticeBody, { body, message, locale }),
    ),
  );
}

const returned = applicationReturnedNotice({
  applicationNumber: "20261126-000003",
  items: [{ groupLabel: "本人情報", reasonLabel: "氏名が本人確認書類と一致しない", comment: "旧姓です。" }],
});

/** Nothing of the message's machinery shows: no JSON, no reference, no control character. */
function expectNoRawMessage(html: string) {
  expect(html).not.toMatch(/"lines"|&quot;lines&quot;|i18n:|review\.noticeText|[\u0000-\u0009\u000b-\u001f]/);
}

describe("NoticeBody", () => {
  it("shows the stored Japanese text in Japanese, paragraph by paragraph", async () => {
    const html = await render("ja", returned.body, returned.message);
    const paragraphs = returned.body.split(/\n{2,}/);
    expect(html).toBe(paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(""));
    expectNoRawMessage(html);
  });

  it("shows the message in English, the office's reason and comment marked Japanese", async () => {
    const html = await render("en", returned.body, returned.message);
    expect(html).toContain("20261126-000003");
    expect(html).toContain("[Personal information (本人情報)] ");
    expect(html).toContain('<span lang="ja">氏名が本人確認書類と一致しない</span>');
    expect(html).toContain('<span lang="ja">旧姓です。</span>');
    expect(html).toContain("Application correction (20_申請の修正)");
    expect(html).not.toContain("不備がありました");
    expectNoRawMessage(html);
  });

  it("puts a reason of data/return-reasons.csv into the language, its Japanese label beside it", async () => {
    const fromFile = applicationReturnedNotice({
      applicationNumber: "20261126-000004",
      items: [{ groupLabel: "本人情報", reasonLabel: "氏名が本人確認書類と一致しません", comment: "" }],
    });
    const english = await render("en", fromFile.body, fromFile.message);
    expect(english).toContain(
      'Your name does not match the identity document (<span lang="ja">氏名が本人確認書類と一致しません</span>)',
    );
    const easy = await render("ja-x-easy", fromFile.body, fromFile.message);
    expect(easy).toContain("<ruby>名前<rp>");
    expect(easy).not.toContain("《");
    // The Japanese page shows the stored label, as stored.
    expect(await render("ja", fromFile.body, fromFile.message)).toContain("氏名が本人確認書類と一致しません");
  });

  it("shows a notice with no message in Japanese, marked as such, in another language", async () => {
    const old = "技能者情報登録申請を受け付けました。\n申請番号：20261126-000001";
    expect(await render("en", old, null)).toBe(`<p lang="ja">${old}</p>`);
  });
});
