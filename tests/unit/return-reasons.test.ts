import { describe, expect, it } from "vitest";
import { contentGroups } from "@/lib/registration/content-groups";
import {
  findReturnReason,
  groupReasons,
  loadReturnReasons,
  parseReturnReasonsCsv,
} from "@/lib/reference/return-reasons";

const HEADER = "code,group,label";

describe("parseReturnReasonsCsv", () => {
  it("parses rows in file order with their group's label", () => {
    expect(
      parseReturnReasonsCsv(
        `\uFEFF${HEADER}\r\nPI_NAME,personal-info,氏名が本人確認書類と一致しません\r\n\r\nFP_UNCLEAR,face-photo,顔写真が不鮮明です\r\n`,
      ),
    ).toEqual([
      {
        code: "PI_NAME",
        groupKey: "personal-info",
        groupLabel: "本人情報",
        label: "氏名が本人確認書類と一致しません",
      },
      { code: "FP_UNCLEAR", groupKey: "face-photo", groupLabel: "顔写真", label: "顔写真が不鮮明です" },
    ]);
  });

  it("refuses a wrong header, an empty file and no rows", () => {
    expect(() => parseReturnReasonsCsv("code,label\nA,x")).toThrow(
      /line 1: the header must be "code,group,label"/,
    );
    expect(() => parseReturnReasonsCsv("")).toThrow(/empty/);
    expect(() => parseReturnReasonsCsv(`${HEADER}\n`)).toThrow(/no rows/);
  });

  it("refuses malformed rows, naming the file and line", () => {
    const parse = (rows: string) => () =>
      parseReturnReasonsCsv(`${HEADER}\nA1,employer,事業者IDが確認できません\n${rows}`, "r.csv");
    expect(parse("B1,employer")).toThrow(/^r\.csv line 3: expected 3 columns, found 2$/);
    expect(parse(",employer,x")).toThrow(/line 3: code is empty/);
    expect(parse("B1,,x")).toThrow(/line 3: group is empty/);
    expect(parse("B1,employer,")).toThrow(/line 3: label is empty/);
    expect(parse("b1,employer,x")).toThrow(/line 3: code must be/);
    expect(parse('B1,employer,"x"')).toThrow(/line 3: quoted fields/);
    expect(parse("B1,employers,x")).toThrow(/line 3: unknown group "employers"; use one of personal-info, /);
    expect(parse("A1,employer,x")).toThrow(/line 3: code A1 already appears on line 2/);
    expect(parse("B1,job-types,事業者IDが確認できません")).toThrow(
      /line 3: label "事業者IDが確認できません" already appears on line 2/,
    );
  });

  it("refuses a label that is part of another, either way round", () => {
    expect(() =>
      parseReturnReasonsCsv(
        `${HEADER}\nA,face-photo,顔写真が不鮮明です\nB,face-photo,顔写真が不鮮明です（再撮影）`,
      ),
    ).toThrow(/line 3: label "顔写真が不鮮明です（再撮影）" contains the label on line 2/);
    expect(() =>
      parseReturnReasonsCsv(
        `${HEADER}\nA,face-photo,顔写真が不鮮明です（再撮影）\nB,face-photo,顔写真が不鮮明です`,
      ),
    ).toThrow(/line 3: label "顔写真が不鮮明です" is part of the label on line 2/);
  });
});

describe("groupReasons", () => {
  it("groups in task-list order, leaving out groups without reasons", () => {
    const reasons = parseReturnReasonsCsv(
      `${HEADER}\nQ1,qualifications,保有資格の証明書画像が確認できません\nP1,personal-info,氏名が本人確認書類と一致しません\nQ2,qualifications,保有資格：その他\n`,
    );
    expect(
      groupReasons(reasons).map((group) => [
        group.groupKey,
        group.groupLabel,
        group.reasons.map((r) => r.code),
      ]),
    ).toEqual([
      ["personal-info", "本人情報", ["P1"]],
      ["qualifications", "保有資格（登録基幹技能者を含む）", ["Q1", "Q2"]],
    ]);
  });
});

describe("data/return-reasons.csv", () => {
  const reasons = loadReturnReasons();

  it("has reasons for every content group, each with one その他 reason", () => {
    const groups = groupReasons(reasons);
    expect(groups.map((group) => group.groupKey)).toEqual(contentGroups.map((group) => group.key));
    for (const group of groups) {
      expect(
        group.reasons.filter((reason) => reason.label.includes("その他")),
        group.groupKey,
      ).toHaveLength(1);
      expect(group.reasons.length, group.groupKey).toBeLessThanOrEqual(5);
    }
  });

  it("finds a reason by code", () => {
    expect(findReturnReason("PI_NAME")).toEqual({
      code: "PI_NAME",
      groupKey: "personal-info",
      groupLabel: "本人情報",
      label: "氏名が本人確認書類と一致しません",
      labels: {
        en: "Your name does not match the identity document",
        vi: "Họ tên không khớp với giấy tờ tùy thân",
        id: "Nama tidak sesuai dengan dokumen identitas",
        "zh-Hans": "姓名与身份证明文件不一致",
        my: "အမည်သည် အထောက်အထားစာရွက်နှင့် မကိုက်ညီပါ",
        ne: "नाम परिचय कागजातसँग मिल्दैन",
        "ja-x-easy": "名前《なまえ》が本人確認書類《ほんにんかくにんしょるい》と同《おな》じではありません",
      },
    });
    expect(findReturnReason("NOPE")).toBeUndefined();
  });

  it("hands each caller its own list", () => {
    loadReturnReasons().reverse();
    expect(loadReturnReasons()).toEqual(reasons);
  });
});
