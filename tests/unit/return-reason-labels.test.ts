// A 不備 reason shown to an applicant (lib/reference/return-reason-labels.ts): Japanese never reads
// data/return-reasons.csv; a file that cannot be read costs the translation, never the page or
// the email (the label is shown as stored, marked Japanese). The staff review page still refuses
// such a file (lib/reference/return-reasons.ts).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type * as fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NameWithJapanese } from "@/components/ui/name-with-japanese";

const LABEL = "氏名が本人確認書類と一致しません";

afterEach(() => {
  vi.doUnmock("node:fs");
  vi.resetModules();
});

async function withUnreadableFile() {
  vi.resetModules();
  const read = vi.fn(() => {
    throw new Error("EACCES: permission denied, open 'data/return-reasons.csv'");
  });
  vi.doMock("node:fs", async (importOriginal) => ({
    ...(await importOriginal<typeof fs>()),
    readFileSync: read,
  }));
  const labels = await import("@/lib/reference/return-reason-labels");
  return { read, ...labels };
}

describe("returnReasonLabelIn", () => {
  it("translates a label of the file, the Japanese beside it", async () => {
    const { returnReasonLabelIn } = await import("@/lib/reference/return-reason-labels");
    expect(returnReasonLabelIn("en", LABEL)).toEqual({
      text: "Your name does not match the identity document",
      japanese: LABEL,
    });
  });

  it("shows the stored label when the file cannot be read, and Japanese never reads it", async () => {
    const { read, returnReasonLabelIn, returnReasonTextIn } = await withUnreadableFile();
    expect(returnReasonLabelIn("ja", LABEL)).toEqual({ text: LABEL });
    expect(read).not.toHaveBeenCalled();
    expect(returnReasonLabelIn("en", LABEL)).toEqual({ text: LABEL, lang: "ja" });
    expect(returnReasonTextIn("vi", LABEL)).toBe(LABEL);
    expect(read).toHaveBeenCalled();
  });

  it("the staff side still refuses a file it cannot read", async () => {
    const { readReturnReasons } = await withUnreadableFile();
    expect(() => readReturnReasons()).toThrow(/EACCES/);
  });
});

describe("NameWithJapanese", () => {
  const html = (locale: "ja" | "en" | "ja-x-easy", parts: { text: string; japanese?: string; lang?: "ja" }) =>
    renderToStaticMarkup(createElement(NameWithJapanese, { parts, locale }));

  it("shows Japanese and another language's words as written, readings only in やさしい日本語", () => {
    expect(html("ja", { text: "漢字《かんじ》の理由" })).toBe("漢字《かんじ》の理由");
    expect(html("en", { text: "Reason", japanese: "理由" })).toBe('Reason (<span lang="ja">理由</span>)');
    expect(html("ja-x-easy", { text: "理由《りゆう》" })).toContain("<ruby>理由<rp>");
    expect(html("ja-x-easy", { text: "理由", lang: "ja" })).toBe('<span lang="ja">理由</span>');
  });
});
