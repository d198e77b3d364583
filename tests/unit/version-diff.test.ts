import { describe, expect, it } from "vitest";
import {
  diffSubmissions,
  parseSubmissionContent,
  type SubmissionContent,
  type SubmissionSection,
} from "@/lib/review/version-diff";

const personalInfo: SubmissionSection = {
  key: "personal-info",
  title: "本人情報",
  items: [
    { id: "familyName", label: "氏名（姓）", value: "山田" },
    { id: "givenName", label: "氏名（名）", value: "太郎" },
    { id: "address", label: "住所", value: "東京都千代田区霞が関2-1-3" },
  ],
};

const facePhoto: SubmissionSection = {
  key: "face-photo",
  title: "顔写真",
  items: [
    {
      id: "facePhoto",
      label: "顔写真",
      value: "画像あり",
      image: { fileId: "file-1", alt: "登録する顔写真" },
    },
  ],
};

const qualifications: SubmissionSection = {
  key: "qualifications",
  title: "保有資格（登録基幹技能者を含む）",
  items: [
    { id: "rows-0-name", label: "資格名（1件目）", value: "玉掛け技能講習" },
    { id: "rows-0-acquiredOn", label: "取得年月日（1件目）", value: "2020年4月1日" },
    {
      id: "rows-0-image",
      label: "保有資格 1件目の画像",
      value: "画像あり",
      image: { fileId: "file-q1", alt: "保有資格 1件目の画像" },
    },
  ],
};

const secondQualification = [
  { id: "rows-1-name", label: "資格名（2件目）", value: "足場の組立て等作業主任者技能講習" },
  { id: "rows-1-acquiredOn", label: "取得年月日（2件目）", value: "2022年10月5日" },
];

function content(...sections: SubmissionSection[]): SubmissionContent {
  return { applicationNumber: "20251217-000042", sections };
}

function withItems(section: SubmissionSection, items: SubmissionSection["items"]): SubmissionSection {
  return { ...section, items };
}

const v1 = content(personalInfo, facePhoto, qualifications);

describe("parseSubmissionContent", () => {
  it("accepts content as submit-application writes it (JSON, no image key on plain items)", () => {
    const stored: unknown = JSON.parse(JSON.stringify(v1));
    expect(parseSubmissionContent(stored)).toEqual(v1);
  });

  it("throws on malformed content", () => {
    expect(() => parseSubmissionContent(null)).toThrow(/Invalid application submission content/);
    expect(() => parseSubmissionContent({ sections: [] })).toThrow(/applicationNumber/);
    expect(() =>
      parseSubmissionContent({
        applicationNumber: "20251217-000042",
        sections: [{ key: "personal-info", title: "本人情報", items: [{ id: "x", label: "x" }] }],
      }),
    ).toThrow(/value/);
    expect(() =>
      parseSubmissionContent(content(facePhoto, withItems(facePhoto, [{ id: "y", label: "y", value: "" }]))),
    ).toThrow(/section "face-photo" appears twice/);
    expect(() =>
      parseSubmissionContent(
        content(withItems(personalInfo, [personalInfo.items[0]!, { ...personalInfo.items[0]!, value: "x" }])),
      ),
    ).toThrow(/item id "familyName" appears twice/);
  });
});

describe("diffSubmissions", () => {
  it("finds nothing between equal versions", () => {
    expect(diffSubmissions(v1, structuredClone(v1))).toEqual([]);
  });

  it("reports a changed value with both values", () => {
    const v2 = content(
      withItems(personalInfo, [
        personalInfo.items[0]!,
        { ...personalInfo.items[1]!, value: "太朗" },
        personalInfo.items[2]!,
      ]),
      facePhoto,
      qualifications,
    );
    expect(diffSubmissions(v1, v2)).toEqual([
      {
        sectionKey: "personal-info",
        sectionTitle: "本人情報",
        itemId: "givenName",
        label: "氏名（名）",
        kind: "changed",
        before: "太郎",
        after: "太朗",
      },
    ]);
  });

  it("reports a replaced image although the value is the same", () => {
    const v2 = content(
      personalInfo,
      withItems(facePhoto, [{ ...facePhoto.items[0]!, image: { fileId: "file-2", alt: "登録する顔写真" } }]),
      qualifications,
    );
    expect(diffSubmissions(v1, v2)).toEqual([
      {
        sectionKey: "face-photo",
        sectionTitle: "顔写真",
        itemId: "facePhoto",
        label: "顔写真",
        kind: "changed",
        before: "画像あり",
        after: "画像あり",
        imageChanged: true,
      },
    ]);
  });

  it("says the image did not change when only an image item's value did", () => {
    const v2 = content(
      personalInfo,
      withItems(facePhoto, [{ ...facePhoto.items[0]!, value: "画像あり（再撮影）" }]),
      qualifications,
    );
    expect(diffSubmissions(v1, v2)).toMatchObject([
      { itemId: "facePhoto", kind: "changed", imageChanged: false },
    ]);
  });

  it("reports a 詳細型 row added, and the same row removed the other way round", () => {
    const v2 = content(
      personalInfo,
      facePhoto,
      withItems(qualifications, [...qualifications.items, ...secondQualification]),
    );
    expect(diffSubmissions(v1, v2)).toEqual([
      {
        sectionKey: "qualifications",
        sectionTitle: "保有資格（登録基幹技能者を含む）",
        itemId: "rows-1-name",
        label: "資格名（2件目）",
        kind: "added",
        after: "足場の組立て等作業主任者技能講習",
      },
      {
        sectionKey: "qualifications",
        sectionTitle: "保有資格（登録基幹技能者を含む）",
        itemId: "rows-1-acquiredOn",
        label: "取得年月日（2件目）",
        kind: "added",
        after: "2022年10月5日",
      },
    ]);
    expect(
      diffSubmissions(v2, v1).map(({ itemId, kind, before, after }) => ({ itemId, kind, before, after })),
    ).toEqual([
      {
        itemId: "rows-1-name",
        kind: "removed",
        before: "足場の組立て等作業主任者技能講習",
        after: undefined,
      },
      { itemId: "rows-1-acquiredOn", kind: "removed", before: "2022年10月5日", after: undefined },
    ]);
  });

  it("reports a removed image with imageChanged", () => {
    const v2 = content(personalInfo, facePhoto, withItems(qualifications, qualifications.items.slice(0, 2)));
    expect(diffSubmissions(v1, v2)).toEqual([
      {
        sectionKey: "qualifications",
        sectionTitle: "保有資格（登録基幹技能者を含む）",
        itemId: "rows-0-image",
        label: "保有資格 1件目の画像",
        kind: "removed",
        before: "画像あり",
        imageChanged: true,
      },
    ]);
  });

  it("follows the newer version's order, with removed items after their section's items", () => {
    // The newer version lists 住所 first, drops 氏名（姓）, changes 氏名（名）, and adds a row.
    const v2 = content(
      withItems(personalInfo, [
        { ...personalInfo.items[2]!, value: "大阪府大阪市北区1-1" },
        { ...personalInfo.items[1]!, value: "次郎" },
      ]),
      facePhoto,
      withItems(qualifications, [...qualifications.items, ...secondQualification]),
    );
    expect(diffSubmissions(v1, v2).map((change) => [change.sectionKey, change.itemId, change.kind])).toEqual([
      ["personal-info", "address", "changed"],
      ["personal-info", "givenName", "changed"],
      ["personal-info", "familyName", "removed"],
      ["qualifications", "rows-1-name", "added"],
      ["qualifications", "rows-1-acquiredOn", "added"],
    ]);
  });

  it("puts sections only the newer version has in its order, and those only the older has last", () => {
    const older = content(qualifications, personalInfo);
    const newer = content(facePhoto, personalInfo);
    expect(
      diffSubmissions(older, newer).map((change) => [change.sectionKey, change.itemId, change.kind]),
    ).toEqual([
      ["face-photo", "facePhoto", "added"],
      ["qualifications", "rows-0-name", "removed"],
      ["qualifications", "rows-0-acquiredOn", "removed"],
      ["qualifications", "rows-0-image", "removed"],
    ]);
    expect(diffSubmissions(older, newer)[0]).toMatchObject({ imageChanged: true, after: "画像あり" });
  });
});
