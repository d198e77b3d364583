// The check page (申請内容送信) of a full 詳細型 application: every group in order, values as a
// person reads them, and 変更 links whose names are unique on the page.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  buildCheckSections,
  canSend,
  changeLinkName,
  NOT_ENTERED,
} from "@/lib/applications/application-check";
import { checkOptions } from "@/lib/applications/check-options";
import { findApplicationOf, setRegistrationType } from "@/lib/applications/draft-application";
import { saveRowGroup } from "@/lib/applications/save-row-group";
import { groupsFor } from "@/lib/registration/content-groups";
import { rowGroupSchema, type RowFormValues } from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";
import { completeSimpleApplication, fileRow } from "./support/complete-application";

async function saveRows(applicantId: string, key: RowGroupKey, rows: RowFormValues[], answer = "") {
  const values = rowGroupSchema(ROW_GROUPS[key]).parse({ answer, rows });
  const saved = await saveRowGroup(applicantId, key, values, true);
  if (!saved) throw new Error("not saved");
  return saved.rowIds;
}

async function detailedApplication() {
  const { applicant, applicationId } = await completeSimpleApplication("check");
  await setRegistrationType(applicant.id, "DETAILED");
  await saveRows(applicant.id, "education", [
    { id: "", category: "高等学校", schoolName: "建設高校", graduatedMonth: "2007-03" },
    { id: "", category: "大学", schoolName: "建設大学", graduatedMonth: "2011-03" },
  ]);
  await saveRows(
    applicant.id,
    "workers-comp",
    [{ id: "", groupName: "一人親方労災組合", joinedOn: "2019-04-01" }],
    "yes",
  );
  await saveRows(applicant.id, "health-checks", [{ id: "", examinedOn: "2026-04-10", kind: "定期健康診断" }]);
  const [qualificationId] = await saveRows(applicant.id, "qualifications", [
    { id: "", name: "玉掛け技能講習", acquiredOn: "2015-06-01", number: "" },
  ]);
  await fileRow(applicationId, `qualification:${qualificationId}`);
  await saveRows(applicant.id, "trainings", []);
  // Every conditional answer shown: the proof image and both numbers.
  await db.applicationSocialInsurance.update({
    where: { applicationId },
    data: {
      healthInsurance: "協会けんぽ",
      employmentInsurance: "被保険者",
      employmentInsuranceNumber: "1234-567890-1",
      kentaikyo: "joined",
      kentaikyoNumber: "98765",
    },
  });
  await fileRow(applicationId, "health-insurance-proof");
  await saveRows(applicant.id, "awards", []);
  return { applicant, applicationId };
}

describe("buildCheckSections", () => {
  it("lists every 詳細型 group in task-list order, as a person reads the answers", async () => {
    const { applicant } = await detailedApplication();
    const sections = buildCheckSections((await findApplicationOf(applicant.id))!, checkOptions());
    expect(sections.map((section) => section.key)).toEqual(groupsFor("DETAILED").map((group) => group.key));
    expect(canSend(sections)).toBe(true);

    const value = (label: string) =>
      sections.flatMap((section) => section.items).find((item) => item.label === label)?.value;
    expect(value("生年月日")).toBe("1990年4月1日");
    expect(value("郵便番号")).toBe("〒100-0001");
    expect(value("フリガナ（セイ）")).toBe("ヤマダ");
    expect(value("血液型")).toBe(NOT_ENTERED);
    expect(value("書類の種類")).toBe("運転免許証");
    expect(value("卒業年月（2件目）")).toBe("2011年3月");
    expect(value("特別加入の有無")).toBe("加入している");
    expect(value("加入年月日（1件目）")).toBe("2019年4月1日");
    expect(value("番号（1件目）")).toBe(NOT_ENTERED);
    const images = sections.flatMap((section) => section.items).filter((item) => item.image);
    expect(images.map((item) => item.label)).toEqual([
      "運転免許証の表面",
      "運転免許証の裏面",
      "顔写真",
      "健康保険の証明書類",
      "保有資格 1件目の画像",
    ]);
    expect(sections.find((section) => section.key === "trainings")?.items).toEqual([]);
  });

  it("gives every answer a 変更 link back to its field, named uniquely on the page", async () => {
    const { applicant } = await detailedApplication();
    const sections = buildCheckSections((await findApplicationOf(applicant.id))!, checkOptions());
    const names = [
      changeLinkName("登録方式"),
      ...sections.flatMap((section) =>
        section.items.length === 0
          ? [changeLinkName(section.title)]
          : section.items.map((item) => changeLinkName(item.label)),
      ),
    ];
    // Playwright matches names by substring: no name may sit inside another.
    const clashes = names.flatMap((name, i) =>
      names.filter((other, j) => i !== j && other.includes(name)).map((other) => `${name} ⊂ ${other}`),
    );
    expect(clashes).toEqual([]);
    const birthDate = sections.flatMap((section) => section.items).find((item) => item.id === "birthDate");
    expect(birthDate?.href).toBe("/registration/content/personal-info?return=confirm#birthDate");
    const school = sections
      .flatMap((section) => section.items)
      .find((item) => item.label === "学校名（2件目）");
    expect(school?.href).toBe("/registration/content/education?return=confirm#rows-1-schoolName");
  });

  it("names what is missing: a 詳細型 group not done, a 労災 answer of yes without rows", async () => {
    const { applicant, applicationId } = await detailedApplication();
    await db.applicationGroupState.update({
      where: { applicationId_groupKey: { applicationId, groupKey: "awards" } },
      data: { isComplete: false },
    });
    await db.applicationWorkersComp.deleteMany({ where: { applicationId } });
    const sections = buildCheckSections((await findApplicationOf(applicant.id))!, checkOptions());
    expect(canSend(sections)).toBe(false);
    const problems = Object.fromEntries(sections.map((section) => [section.key, section.problems.length]));
    expect(problems).toMatchObject({ awards: 1, "workers-comp": 1, education: 0, "personal-info": 0 });
  });
});
