// The locator contract's pure parts: names read from an ARIA snapshot, a page's Markdown section,
// and baselines whose data (IDs, dates, counts, addresses) become regular expressions.
import { describe, expect, it } from "vitest";
import {
  contractFromAriaSnapshot,
  renderSection,
  sectionOf,
  stabiliseAriaSnapshot,
} from "../e2e/support/locator-contract";

const snapshot = `- banner:
  - text: 建設キャリアアップシステム
  - button "ログアウト"
- navigation "メニュー":
  - link "10_登録申請":
    - /url: /registration
- main:
  - heading "申請内容送信" [level=1]
  - heading "本人情報" [level=2]
  - text: "申請番号: 20261206-000001"
  - paragraph: 毎週 木曜日 20:00 〜 金曜日 07:00
  - textbox "氏名（姓）": 山田
  - checkbox "確認しました"
  - combobox "職種1"
  - button "申請する"
  - button "申請する"
  - button "再送する（3件あて）"
  - region "w0-ab12.returned.1@example.jp の本文"
- contentinfo`;

describe("contractFromAriaSnapshot", () => {
  it("takes the level-1 heading, landmarks, labelled controls and button names once each", () => {
    expect(contractFromAriaSnapshot(snapshot, [/^再送する/])).toEqual({
      heading: "申請内容送信",
      landmarks: [
        "banner",
        'navigation "メニュー"',
        "main",
        'region "w0-ab12.returned.1@example.jp の本文"',
        "contentinfo",
      ],
      labels: ['textbox "氏名（姓）"', 'checkbox "確認しました"', 'combobox "職種1"'],
      buttons: ["ログアウト", "申請する"],
    });
  });
});

describe("renderSection / sectionOf", () => {
  it("finds a page's section again in the document", () => {
    const contract = contractFromAriaSnapshot(snapshot);
    const a = renderSection(
      { id: "confirm", path: "/registration/confirm", pageObject: "ConfirmPage", reachedAs: "x" },
      contract,
    );
    const b = renderSection({ id: "menu", path: "/menu", pageObject: "MenuPage", reachedAs: "y" }, contract);
    const doc = `# Locator contract\n\n${a}\n${b}`;
    expect(sectionOf(doc, "confirm")).toBe(`${a}\n`);
    expect(sectionOf(doc, "menu")).toBe(b);
    expect(sectionOf(doc, "nothing")).toBeNull();
    expect(a).toContain("| button | 申請する |");
  });
});

describe("stabiliseAriaSnapshot", () => {
  it("turns values with digits or addresses into regular expressions and drops URLs", () => {
    const stable = stabiliseAriaSnapshot(snapshot);
    expect(stable).not.toContain("/url:");
    // The link lost its only child, so it has no child list either.
    expect(stable).toContain("  - link /\\d+_登録申請/\n- main:");
    expect(stable).toContain("- text: /申請番号:\\s\\d+-\\d+/");
    expect(stabiliseAriaSnapshot("- listitem: 使える記号：! @ #")).toBe("- listitem: 使える記号：! @ #");
    expect(stable).toContain('- button "申請する"');
    expect(stable).toContain("- button /再送する（\\d+件あて）/");
    expect(stable).toContain("- region /\\S+@\\S+ の本文/");
    expect(stable).toContain('- heading "申請内容送信" [level=1]');
    expect(stable).toContain(
      "- paragraph: /毎週 [月火水木金土日]曜日 \\d+:\\d+ 〜 [月火水木金土日]曜日 \\d+:\\d+/",
    );
    expect(stable).toContain('- combobox "職種1"'.replace('"職種1"', "/職種\\d+/"));
  });
});
