// 詳細型への移行 on a real database: 移行を始める only for a completed 簡略型 registration; during
// the move only the 詳細型 groups take writes (and open their pages); 申請する sends version n+1
// as 詳細型 with the 移行 fee of 2,400円 and the same 申請番号; 承認 makes it 詳細型 with the same
// 技能者ID; 不備 goes through the usual 修正 and 再申請.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkOptions } from "@/lib/applications/check-options";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { recordConsent } from "@/lib/consents/record-consent";
import { saveEmployer } from "@/lib/applications/save-groups";
import { savePersonalInfo } from "@/lib/applications/save-personal-info";
import { saveRowGroup } from "@/lib/applications/save-row-group";
import { submitApplication } from "@/lib/applications/submit-application";
import { findUpgradeState, startUpgrade } from "@/lib/applications/upgrade";
import { isFileSlot, removeApplicationImage } from "@/lib/files/application-files";
import { registrationFees } from "@/lib/fees";
import { withdrawApplication } from "@/lib/payments/service";
import { findResumePath, requireStepReachable } from "@/lib/registration/progress";
import { decideApplication } from "@/lib/review/decide-application";
import { employerSchema } from "@/lib/schemas/employer";
import { makePersonalInfoSchema } from "@/lib/schemas/personal-info";
import { qualificationImageSlot } from "@/lib/schemas/qualifications";
import { rowGroupSchema } from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";
import {
  completeSimpleApplication,
  fileRow,
  personalInfoInput,
  staffMember,
} from "./support/complete-application";

const context = { ip: "203.0.113.21" };
const DETAILED_KEYS: RowGroupKey[] = [
  "education",
  "workers-comp",
  "health-checks",
  "qualifications",
  "trainings",
  "awards",
];

async function decide(applicationId: string, staffId: string, kind: "approve" | "return") {
  const { lockVersion } = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
  return decideApplication({
    staffId,
    applicationId,
    lockVersion,
    decision:
      kind === "approve"
        ? { kind: "approve" }
        : { kind: "return", items: [{ reasonCode: "PI_ADDRESS", comment: "住所を確認してください。" }] },
    ip: null,
  });
}

/** A 簡略型 registration sent and approved (登録完了 with a 技能者ID). */
async function completedSimple(label: string) {
  const { applicant, applicationId } = await completeSimpleApplication(label);
  // As through the wizard: both consents given before 申請内容登録.
  for (const kind of ["PERSONAL_INFO", "TERMS"] as const) {
    const document = await findCurrentConsentDocument(kind);
    if (!document) throw new Error(`no consent document ${kind}`);
    await recordConsent(applicant.id, document, { ip: null, userAgent: null });
  }
  const sent = await submitApplication(applicant.id, checkOptions(), context);
  if (!sent.ok) throw new Error(`not sent: ${sent.reason}`);
  const staff = await staffMember(label);
  const approved = await decide(applicationId, staff.id, "approve");
  if (!approved.ok || approved.status !== "COMPLETED") throw new Error("not approved");
  return {
    applicantId: applicant.id,
    applicationId,
    applicationNumber: sent.applicationNumber,
    technicianId: approved.technicianId,
    staffId: staff.id,
  };
}

/** 次へ on a 詳細型 page: the group parsed by its schema and saved as complete. */
async function saveGroup(applicantId: string, key: RowGroupKey, rows: Record<string, string>[] = []) {
  const definition = ROW_GROUPS[key];
  const values = rowGroupSchema(definition).parse({ answer: definition.question ? "no" : "", rows });
  return saveRowGroup(applicantId, key, values, true);
}

async function fillDetailedGroups(applicantId: string) {
  await saveGroup(applicantId, "education", [
    { id: "", category: "高等学校", schoolName: "県立第一高等学校", graduatedMonth: "2008-03" },
  ]);
  for (const key of DETAILED_KEYS.slice(1)) expect(await saveGroup(applicantId, key)).not.toBeNull();
}

/** Where requireStepReachable sends the applicant (the redirect's path), or null when it lets them in. */
async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? "";
  }
}

describe("移行を始める", () => {
  it("is refused unless the registration is a completed 簡略型 one, and never throws", async () => {
    // 入力中 (never sent).
    const draft = await completeSimpleApplication("upgrade-draft");
    expect(await startUpgrade(draft.applicant.id, context)).toEqual({ ok: false, reason: "not-allowed" });
    // 申請中.
    const sent = await completeSimpleApplication("upgrade-sent");
    expect((await submitApplication(sent.applicant.id, checkOptions(), context)).ok).toBe(true);
    expect(await startUpgrade(sent.applicant.id, context)).toEqual({ ok: false, reason: "not-allowed" });
    // 登録完了 as 詳細型 already.
    const detailed = await completedSimple("upgrade-detailed");
    await db.application.update({
      where: { id: detailed.applicationId },
      data: { registrationType: "DETAILED" },
    });
    expect(await startUpgrade(detailed.applicantId, context)).toEqual({ ok: false, reason: "not-allowed" });
    // An applicant without any application.
    expect(await startUpgrade(randomUUID(), context)).toEqual({ ok: false, reason: "not-allowed" });

    for (const id of [draft.applicationId, sent.applicationId, detailed.applicationId]) {
      expect((await db.application.findUniqueOrThrow({ where: { id } })).upgradeStartedAt).toBeNull();
    }
    expect((await findUpgradeState(detailed.applicantId)).stage).toBe("detailed");
    expect((await findUpgradeState(sent.applicant.id)).stage).toBe("unavailable");
  });

  it("starts a completed 簡略型 registration's move once; status and type stay until 承認", async () => {
    const done = await completedSimple("upgrade-start");
    expect((await findUpgradeState(done.applicantId)).stage).toBe("can-start");
    expect(await startUpgrade(done.applicantId, context)).toEqual({ ok: true });
    const started = await db.application.findUniqueOrThrow({ where: { id: done.applicationId } });
    expect(started).toMatchObject({
      status: "COMPLETED",
      registrationType: "SIMPLE",
      technicianId: done.technicianId,
    });
    expect(started.upgradeStartedAt).toBeInstanceOf(Date);

    // A second press (another tab) finds it started and changes nothing.
    expect(await startUpgrade(done.applicantId, context)).toEqual({ ok: true });
    const again = await db.application.findUniqueOrThrow({ where: { id: done.applicationId } });
    expect(again.upgradeStartedAt).toEqual(started.upgradeStartedAt);
    expect(again.lockVersion).toBe(started.lockVersion);
    expect(
      await db.auditLog.count({
        where: { action: "application.upgrade-started", targetId: done.applicationId },
      }),
    ).toBe(1);
    expect((await findUpgradeState(done.applicantId)).stage).toBe("in-progress");
  });
});

describe("during the move", () => {
  it("takes writes to the 詳細型 groups only; the 簡略型 groups stay as approved", async () => {
    const done = await completedSimple("upgrade-edit");
    // Before 移行を始める nothing is editable.
    expect(await saveGroup(done.applicantId, "education")).toBeNull();
    expect(await redirectOf(requireStepReachable(done.applicantId, "content", { group: "education" }))).toBe(
      "/registration/complete",
    );

    await startUpgrade(done.applicantId, context);
    expect(await saveGroup(done.applicantId, "education")).not.toBeNull();
    const personal = makePersonalInfoSchema(checkOptions()).parse({
      ...personalInfoInput,
      city: "港区芝公園4-2-8",
    });
    expect(await savePersonalInfo(done.applicantId, personal, true)).toBe(false);
    expect(
      await saveEmployer(done.applicantId, employerSchema.parse({ employmentKind: "sole-proprietor" }), true),
    ).toBe(false);
    expect(await removeApplicationImage(done.applicantId, "face-photo")).toBe(false);
    const after = await db.applicationPersonalInfo.findUniqueOrThrow({
      where: { applicationId: done.applicationId },
    });
    expect(after.city).toBe(personalInfoInput.city);
    expect(
      await db.applicationFile.count({
        where: { applicationId: done.applicationId, slot: "face-photo", replacedAt: null },
      }),
    ).toBe(1);

    // A 保有資格 image belongs to a 詳細型 group: it may be removed.
    const saved = await saveGroup(done.applicantId, "qualifications", [
      { id: "", name: "玉掛け技能講習", acquiredOn: "2020-04-01", number: "" },
    ]);
    const slot = qualificationImageSlot(saved?.rowIds[0] ?? "");
    await fileRow(done.applicationId, slot);
    expect(isFileSlot(slot) && (await removeApplicationImage(done.applicantId, slot))).toBe(true);
    expect(await db.applicationFile.count({ where: { slot, replacedAt: null } })).toBe(0);

    // Pages: the 詳細型 groups open, the 簡略型 ones (and the task list) lead to /upgrade, and the
    // check page only once the six are done.
    expect(
      await redirectOf(requireStepReachable(done.applicantId, "content", { group: "education" })),
    ).toBeNull();
    expect(
      await redirectOf(requireStepReachable(done.applicantId, "content", { group: "personal-info" })),
    ).toBe("/upgrade");
    expect(await redirectOf(requireStepReachable(done.applicantId, "content"))).toBe("/upgrade");
    expect(await findResumePath(done.applicantId)).toBe("/upgrade");
    expect(await redirectOf(requireStepReachable(done.applicantId, "confirm"))).toBe("/upgrade");
    await fillDetailedGroups(done.applicantId);
    expect(await redirectOf(requireStepReachable(done.applicantId, "confirm"))).toBeNull();
  });
});

describe("申請する and 承認", () => {
  it("sends version n+1 as 詳細型 with the 移行 fee, and 承認 keeps the 技能者ID", async () => {
    const done = await completedSimple("upgrade-submit");
    await startUpgrade(done.applicantId, context);
    // Not every 詳細型 group done yet: nothing is sent.
    expect(await submitApplication(done.applicantId, checkOptions(), context)).toEqual({
      ok: false,
      reason: "incomplete",
    });
    await fillDetailedGroups(done.applicantId);

    const sent = await submitApplication(done.applicantId, checkOptions(), context);
    expect(sent).toEqual({ ok: true, applicationNumber: done.applicationNumber });
    const application = await db.application.findUniqueOrThrow({ where: { id: done.applicationId } });
    expect(application).toMatchObject({
      status: "SUBMITTED",
      registrationType: "SIMPLE",
      applicationNumber: done.applicationNumber,
      technicianId: done.technicianId,
    });
    expect(application.lastSentAt?.getTime()).toBeGreaterThan(application.submittedAt?.getTime() ?? 0);
    const submissions = await db.applicationSubmission.findMany({
      where: { applicationId: done.applicationId },
      orderBy: { version: "asc" },
    });
    expect(submissions.map((s) => [s.version, s.registrationType])).toEqual([
      [1, "SIMPLE"],
      [2, "DETAILED"],
    ]);
    const sections = (submissions[1]!.content as { sections: { key: string; items: { value: string }[] }[] })
      .sections;
    expect(sections.map((section) => section.key)).toEqual(expect.arrayContaining(DETAILED_KEYS));
    expect(JSON.stringify(sections)).toContain("県立第一高等学校");

    const fees = await db.applicationFee.findMany({ where: { applicationId: done.applicationId } });
    expect(fees.find((fee) => fee.purpose === "UPGRADE")).toMatchObject({ amount: 2400, status: "UNPAID" });
    expect(registrationFees.upgrade).toBe(2400);
    expect(fees.find((fee) => fee.purpose === "REGISTRATION")?.amount).toBe(registrationFees.simple);
    const emails = await db.emailOutbox.findMany({ where: { template: "application-received" } });
    const upgradeEmail = emails.find((email) => JSON.stringify(email.payload).includes("2,400円（税込）"));
    expect(JSON.stringify(upgradeEmail?.payload)).toContain(done.applicationNumber);

    // A second press: the same application, no version 3, no second fee; nothing is editable now.
    expect(await submitApplication(done.applicantId, checkOptions(), context)).toEqual(sent);
    expect(await db.applicationSubmission.count({ where: { applicationId: done.applicationId } })).toBe(2);
    expect(await db.applicationFee.count({ where: { applicationId: done.applicationId } })).toBe(2);
    expect(await saveGroup(done.applicantId, "awards")).toBeNull();
    // 取下げ would withdraw the whole registration: refused while a move is sent.
    expect(await withdrawApplication(done.applicantId, { reason: "" }, { ip: null })).toEqual({
      ok: false,
      reason: "not-allowed",
    });

    const approved = await decide(done.applicationId, done.staffId, "approve");
    expect(approved).toEqual({ ok: true, status: "COMPLETED", technicianId: done.technicianId });
    const final = await db.application.findUniqueOrThrow({ where: { id: done.applicationId } });
    expect(final).toMatchObject({
      status: "COMPLETED",
      registrationType: "DETAILED",
      technicianId: done.technicianId,
      upgradeStartedAt: null,
    });
    expect((await findUpgradeState(done.applicantId)).stage).toBe("detailed");
    expect(await startUpgrade(done.applicantId, context)).toEqual({ ok: false, reason: "not-allowed" });
  });

  it("goes through 不備 and 再申請 as usual, still as 詳細型 and without a second fee", async () => {
    const done = await completedSimple("upgrade-return");
    await startUpgrade(done.applicantId, context);
    await fillDetailedGroups(done.applicantId);
    expect((await submitApplication(done.applicantId, checkOptions(), context)).ok).toBe(true);

    expect(await decide(done.applicationId, done.staffId, "return")).toEqual({
      ok: true,
      status: "RETURNED",
    });
    expect((await findUpgradeState(done.applicantId)).stage).toBe("sent");
    // The usual 修正: the returned application is editable.
    const personal = makePersonalInfoSchema(checkOptions()).parse({
      ...personalInfoInput,
      city: "港区芝公園4-2-8",
    });
    expect(await savePersonalInfo(done.applicantId, personal, true)).toBe(true);
    const resent = await submitApplication(done.applicantId, checkOptions(), context);
    expect(resent).toEqual({ ok: true, applicationNumber: done.applicationNumber });
    const versions = await db.applicationSubmission.findMany({
      where: { applicationId: done.applicationId },
      orderBy: { version: "asc" },
      select: { version: true, registrationType: true },
    });
    expect(versions).toEqual([
      { version: 1, registrationType: "SIMPLE" },
      { version: 2, registrationType: "DETAILED" },
      { version: 3, registrationType: "DETAILED" },
    ]);
    expect(await db.applicationFee.count({ where: { applicationId: done.applicationId } })).toBe(2);
    expect((await db.application.findUniqueOrThrow({ where: { id: done.applicationId } })).status).toBe(
      "RESUBMITTED",
    );

    const approved = await decide(done.applicationId, done.staffId, "approve");
    expect(approved).toEqual({ ok: true, status: "COMPLETED", technicianId: done.technicianId });
    expect(await db.application.findUniqueOrThrow({ where: { id: done.applicationId } })).toMatchObject({
      registrationType: "DETAILED",
      upgradeStartedAt: null,
    });
  });
});
