// Saving the 詳細型 groups against the real database: row ids stay while rows are edited, removed
// rows go (with a 保有資格 image), positions follow the form, and only the applicant's own draft
// application is ever written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { saveRowGroup, storedRowGroupForm } from "@/lib/applications/save-row-group";
import { qualificationImageSlot } from "@/lib/schemas/qualifications";
import { rowGroupDraftSchema, rowGroupSchema, type RowFormValues } from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";

async function newApplication() {
  const applicant = await issueApplicant({
    name: "詳細 太郎",
    email: `detailed-${randomUUID()}@example.test`,
    staffId: null,
    ip: null,
  });
  const application = await ensureDraftApplication(applicant.id);
  return { applicantId: applicant.id, applicationId: application.id };
}

/** Parses like 次へ (or 一時保存 with isDraft) and saves. */
async function save(
  applicantId: string,
  groupKey: RowGroupKey,
  rows: RowFormValues[],
  options: { answer?: string; isComplete?: boolean | undefined; isDraft?: boolean } = {},
) {
  const definition = ROW_GROUPS[groupKey];
  const schema = options.isDraft ? rowGroupDraftSchema(definition) : rowGroupSchema(definition);
  const values = schema.parse({ answer: options.answer ?? "", rows });
  return saveRowGroup(applicantId, groupKey, values, "isComplete" in options ? options.isComplete : true);
}

const qualification = (name: string, id = "") => ({ id, name, acquiredOn: "2020-04-01", number: "" });

async function qualificationsOf(applicationId: string) {
  return db.applicationQualification.findMany({ where: { applicationId }, orderBy: { position: "asc" } });
}

async function groupStateOf(applicationId: string, groupKey: string) {
  return db.applicationGroupState.findUnique({
    where: { applicationId_groupKey: { applicationId, groupKey } },
  });
}

async function attachImage(applicationId: string, rowId: string) {
  const storageKey = randomUUID();
  await db.fileBlob.create({ data: { key: storageKey, bytes: new Uint8Array([0xff, 0xd8, 0xff]) } });
  return db.applicationFile.create({
    data: {
      applicationId,
      slot: qualificationImageSlot(rowId),
      storageKey,
      contentType: "image/jpeg",
      byteSize: 3,
      width: 1,
      height: 1,
      sha256: "0".repeat(64),
    },
  });
}

describe("saveRowGroup", () => {
  it("keeps row ids while rows are edited, deletes removed rows and rewrites positions", async () => {
    const { applicantId, applicationId } = await newApplication();
    const first = await save(applicantId, "qualifications", [
      qualification("玉掛け技能講習"),
      qualification("足場の組立て等作業主任者"),
      qualification("小型移動式クレーン"),
    ]);
    const [a = "", b = "", c = ""] = first?.rowIds ?? [];
    expect(await qualificationsOf(applicationId)).toMatchObject([
      { id: a, position: 1, name: "玉掛け技能講習", acquiredOn: "2020-04-01", number: null },
      { id: b, position: 2, name: "足場の組立て等作業主任者" },
      { id: c, position: 3, name: "小型移動式クレーン" },
    ]);
    expect(await groupStateOf(applicationId, "qualifications")).toMatchObject({
      isComplete: true,
      answer: null,
    });

    // The second row is removed, the third moves to the top (onto the first's position) and is
    // edited, and a new one is added.
    const second = await save(applicantId, "qualifications", [
      { ...qualification("小型移動式クレーン運転技能講習", c), number: "ＡＢ１２３" },
      qualification("玉掛け技能講習", a),
      qualification("職長・安全衛生責任者教育"),
    ]);
    const d = second?.rowIds[2] ?? "";
    expect(second?.rowIds.slice(0, 2)).toEqual([c, a]);
    expect([a, b, c]).not.toContain(d);
    expect(await qualificationsOf(applicationId)).toMatchObject([
      { id: c, position: 1, name: "小型移動式クレーン運転技能講習", number: "AB123" },
      { id: a, position: 2, name: "玉掛け技能講習" },
      { id: d, position: 3, name: "職長・安全衛生責任者教育" },
    ]);
    expect(await db.applicationQualification.count({ where: { id: b } })).toBe(0);

    // What the page shows again.
    const application = await ensureDraftApplication(applicantId);
    expect(storedRowGroupForm(application, "qualifications").rows).toEqual([
      { id: c, name: "小型移動式クレーン運転技能講習", acquiredOn: "2020-04-01", number: "AB123" },
      { id: a, name: "玉掛け技能講習", acquiredOn: "2020-04-01", number: "" },
      { id: d, name: "職長・安全衛生責任者教育", acquiredOn: "2020-04-01", number: "" },
    ]);

    // No rows: 該当なし, still a completed group.
    expect(await save(applicantId, "qualifications", [])).toEqual({ rowIds: [] });
    expect(await qualificationsOf(applicationId)).toEqual([]);
    expect(await groupStateOf(applicationId, "qualifications")).toMatchObject({ isComplete: true });
  });

  it("ignores a posted id of another applicant's row: that row is untouched and a new one is made", async () => {
    const other = await newApplication();
    const mine = await newApplication();
    const [othersRowId = ""] =
      (
        await save(other.applicantId, "trainings", [
          { id: "", name: "他人の研修", attendedOn: "2024-01-01", provider: "他人の機関" },
        ])
      )?.rowIds ?? [];

    const result = await save(mine.applicantId, "trainings", [
      { id: othersRowId, name: "乗っ取り", attendedOn: "2024-02-02", provider: "機関" },
      { id: othersRowId, name: "二重", attendedOn: "2024-02-03", provider: "機関" },
    ]);
    expect(result?.rowIds).toHaveLength(2);
    expect(result?.rowIds).not.toContain(othersRowId);
    expect(await db.applicationTraining.findUniqueOrThrow({ where: { id: othersRowId } })).toMatchObject({
      applicationId: other.applicationId,
      name: "他人の研修",
      position: 1,
    });
    expect(await db.applicationTraining.count({ where: { applicationId: mine.applicationId } })).toBe(2);
  });

  it("counts a row id posted twice once: the second row is a new one", async () => {
    const { applicantId, applicationId } = await newApplication();
    const [id = ""] =
      (
        await save(applicantId, "awards", [
          { id: "", name: "優秀技能者表彰", awardedOn: "2023-11-01", awardedBy: "建設協会" },
        ])
      )?.rowIds ?? [];
    const result = await save(applicantId, "awards", [
      { id, name: "優秀技能者表彰", awardedOn: "2023-11-01", awardedBy: "建設協会" },
      { id, name: "安全表彰", awardedOn: "2024-07-01", awardedBy: "労働基準協会" },
    ]);
    expect(result?.rowIds[0]).toBe(id);
    expect(result?.rowIds[1]).not.toBe(id);
    expect(await db.applicationAward.count({ where: { applicationId } })).toBe(2);
  });

  it("stores 労災保険特別加入's answer, and 加入していない drops the rows", async () => {
    const { applicantId, applicationId } = await newApplication();
    const row = { id: "", groupName: "一人親方労災センター", joinedOn: "2022-04-01" };
    await save(applicantId, "workers-comp", [row], { answer: "yes" });
    expect(await db.applicationWorkersComp.count({ where: { applicationId } })).toBe(1);
    expect(await groupStateOf(applicationId, "workers-comp")).toMatchObject({
      isComplete: true,
      answer: "yes",
    });

    await save(applicantId, "workers-comp", [row], { answer: "no" });
    expect(await db.applicationWorkersComp.count({ where: { applicationId } })).toBe(0);
    expect(await groupStateOf(applicationId, "workers-comp")).toMatchObject({
      isComplete: true,
      answer: "no",
    });
  });

  it("keeps the recorded completion when a draft leaves it open, and sets it when a draft says so", async () => {
    const { applicantId, applicationId } = await newApplication();
    const partial = { id: "", category: "", schoolName: "県立高校", graduatedMonth: "" };
    await save(applicantId, "education", [partial], { isDraft: true, isComplete: undefined });
    expect(await groupStateOf(applicationId, "education")).toMatchObject({ isComplete: false });
    await save(applicantId, "education", [], { isComplete: true });
    await save(applicantId, "education", [], { isDraft: true, isComplete: undefined });
    expect(await groupStateOf(applicationId, "education")).toMatchObject({ isComplete: true });
    await save(applicantId, "education", [partial], { isDraft: true, isComplete: false });
    expect(await groupStateOf(applicationId, "education")).toMatchObject({ isComplete: false });
    expect(await db.applicationEducation.findFirstOrThrow({ where: { applicationId } })).toMatchObject({
      category: null,
      schoolName: "県立高校",
      graduatedMonth: null,
    });
  });

  it("deletes a removed qualification's image and its bytes", async () => {
    const { applicantId, applicationId } = await newApplication();
    const [keptId = "", removedId = ""] =
      (await save(applicantId, "qualifications", [qualification("残す資格"), qualification("消す資格")]))
        ?.rowIds ?? [];
    const keptImage = await attachImage(applicationId, keptId);
    const removedImage = await attachImage(applicationId, removedId);

    await save(applicantId, "qualifications", [qualification("残す資格", keptId)]);
    expect(await db.applicationFile.count({ where: { id: removedImage.id } })).toBe(0);
    expect(await db.fileBlob.count({ where: { key: removedImage.storageKey } })).toBe(0);
    expect(await db.applicationFile.findUniqueOrThrow({ where: { id: keptImage.id } })).toMatchObject({
      replacedAt: null,
    });
    expect(await db.fileBlob.count({ where: { key: keptImage.storageKey } })).toBe(1);
  });

  it("keeps a removed qualification's image, marked replaced, once the application has been sent", async () => {
    const { applicantId, applicationId } = await newApplication();
    const [rowId = ""] = (await save(applicantId, "qualifications", [qualification("資格")]))?.rowIds ?? [];
    const image = await attachImage(applicationId, rowId);
    await db.applicationSubmission.create({
      data: { applicationId, version: 1, registrationType: "DETAILED", content: {} },
    });

    await save(applicantId, "qualifications", []);
    expect(
      (await db.applicationFile.findUniqueOrThrow({ where: { id: image.id } })).replacedAt,
    ).toBeInstanceOf(Date);
    expect(await db.fileBlob.count({ where: { key: image.storageKey } })).toBe(1);
  });

  it("refuses once the application is sent, and writes nothing", async () => {
    const { applicantId, applicationId } = await newApplication();
    const [id = ""] =
      (await save(applicantId, "health-checks", [{ id: "", examinedOn: "2024-05-01", kind: "定期健康診断" }]))
        ?.rowIds ?? [];
    await db.application.update({ where: { id: applicationId }, data: { status: "SUBMITTED" } });

    expect(
      await save(applicantId, "health-checks", [{ id, examinedOn: "2024-06-01", kind: "その他" }]),
    ).toBeNull();
    expect(await save(applicantId, "health-checks", [])).toBeNull();
    expect(await db.applicationHealthCheck.findMany({ where: { applicationId } })).toMatchObject([
      { id, examinedOn: "2024-05-01", kind: "定期健康診断", position: 1 },
    ]);
  });
});
