// The review lifecycle on a real database: 不備 with items → email, 通知 and an editable
// application → 再申請 (same 申請番号, version 2, diff) → 承認 with a 技能者ID → email and 通知;
// two staff deciding at once; another applicant never sees the returned items.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkOptions } from "@/lib/applications/check-options";
import { editableApplicationId } from "@/lib/applications/draft-application";
import { saveEmployer } from "@/lib/applications/save-groups";
import { submitApplication } from "@/lib/applications/submit-application";
import { findReturnedApplication } from "@/lib/applications/returned-items";
import { decideApplication, formatTechnicianId } from "@/lib/review/decide-application";
import { findApplicationForReview } from "@/lib/review/find-review";
import { diffSubmissions } from "@/lib/review/version-diff";
import { employerSchema } from "@/lib/schemas/employer";
import { returnDecisionSchema, REVIEW_MESSAGES } from "@/lib/schemas/review-decision";
import { loadReturnReasons } from "@/lib/reference/return-reasons";
import { completeSimpleApplication, staffMember } from "./support/complete-application";

const context = { ip: "203.0.113.9" };

async function sentApplication(label: string) {
  const { applicant, applicationId } = await completeSimpleApplication(label);
  const sent = await submitApplication(applicant.id, checkOptions(), context);
  if (!sent.ok) throw new Error(`not sent: ${sent.reason}`);
  const { lockVersion } = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
  return { applicant, applicationId, applicationNumber: sent.applicationNumber, lockVersion };
}

function reason(groupKey: string) {
  const found = loadReturnReasons().find((r) => r.groupKey === groupKey);
  if (!found) throw new Error(`no reason for ${groupKey}`);
  return found;
}

describe("technician IDs", () => {
  it("are 12 digits from the sequence and the suffix 21", () => {
    expect(formatTechnicianId(100000000001n)).toBe("10000000000121");
    expect(formatTechnicianId(42)).toBe("00000000004221");
  });
});

describe("the 不備 form's schema", () => {
  const reasons = loadReturnReasons().slice(0, 3);
  const schema = returnDecisionSchema(reasons);

  it("asks for at least one reason and a comment for each picked one", () => {
    const none = schema.safeParse({});
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((issue) => issue.message)).toEqual([REVIEW_MESSAGES.noReason]);

    const noComment = schema.safeParse({ [`reason_${reasons[0]!.code}`]: "on" });
    expect(noComment.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      `comment_${reasons[0]!.code}`,
    ]);

    const ok = schema.parse({
      [`reason_${reasons[1]!.code}`]: true,
      [`comment_${reasons[1]!.code}`]: "  書類を撮り直してください。\r\n  ",
      [`comment_${reasons[2]!.code}`]: "not picked: ignored",
    });
    expect(ok.items).toEqual([{ reasonCode: reasons[1]!.code, comment: "書類を撮り直してください。" }]);
  });

  it("refuses a comment over 500 characters", () => {
    const result = schema.safeParse({
      [`reason_${reasons[0]!.code}`]: "on",
      [`comment_${reasons[0]!.code}`]: "あ".repeat(501),
    });
    expect(result.success).toBe(false);
  });
});

describe("the review lifecycle", () => {
  it("returns with two items, takes a corrected 再申請, then approves with a 技能者ID", async () => {
    const staff = await staffMember("lifecycle");
    const { applicant, applicationId, applicationNumber, lockVersion } = await sentApplication("lifecycle");
    const employerReason = reason("employer");
    const photoReason = reason("face-photo");

    const returned = await decideApplication({
      staffId: staff.id,
      applicationId,
      lockVersion,
      decision: {
        kind: "return",
        items: [
          { reasonCode: employerReason.code, comment: "事業者名を正しく入力してください。" },
          { reasonCode: photoReason.code, comment: "明るい場所で撮り直してください。" },
        ],
      },
      ip: context.ip,
    });
    expect(returned).toEqual({ ok: true, status: "RETURNED" });

    const afterReturn = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(afterReturn.status).toBe("RETURNED");
    const returnEmail = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email, template: "application-returned" },
    });
    expect(returnEmail.payload).toMatchObject({
      applicationNumber,
      items: [
        {
          groupLabel: "所属事業者情報",
          reasonLabel: employerReason.label,
          comment: "事業者名を正しく入力してください。",
        },
        { groupLabel: "顔写真", reasonLabel: photoReason.label, comment: "明るい場所で撮り直してください。" },
      ],
    });
    const notices = await db.notice.findMany({
      where: { applicantId: applicant.id },
      orderBy: { createdAt: "asc" },
    });
    expect(notices.map((notice) => notice.kind)).toEqual(["APPLICATION_RECEIVED", "APPLICATION_RETURNED"]);
    expect(notices[1]!.body).toContain(employerReason.label);

    // The applicant sees the items, grouped by page, and may edit again.
    const correction = await findReturnedApplication(applicant.id);
    expect(correction?.groups.map((group) => group.groupKey)).toEqual(["face-photo", "employer"]);
    expect(await editableApplicationId(applicant.id)).toBe(applicationId);
    // Another applicant reads nothing of it.
    const other = await completeSimpleApplication("other");
    expect(await findReturnedApplication(other.applicant.id)).toBeNull();

    await saveEmployer(
      applicant.id,
      employerSchema.parse({ employmentKind: "employee", employerName: "株式会社 建設" }),
      true,
    );
    const resent = await submitApplication(applicant.id, checkOptions(), context);
    expect(resent).toEqual({ ok: true, applicationNumber });
    const afterResend = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(afterResend.status).toBe("RESUBMITTED");
    expect(afterResend.applicationNumber).toBe(applicationNumber);
    expect(await editableApplicationId(applicant.id)).toBeNull();
    const resendEmail = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email, template: "application-received" },
      orderBy: { createdAt: "desc" },
    });
    expect(resendEmail.payload).toMatchObject({ applicationNumber, isResubmission: true });

    const review = await findApplicationForReview(applicationId);
    expect(review?.versions.map((v) => v.version)).toEqual([1, 2]);
    const changes = diffSubmissions(review!.versions[0]!.content, review!.versions[1]!.content);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.sectionKey === "employer")).toBe(true);

    const approved = await decideApplication({
      staffId: staff.id,
      applicationId,
      lockVersion: afterResend.lockVersion,
      decision: { kind: "approve" },
      ip: context.ip,
    });
    expect(approved.ok).toBe(true);
    if (!approved.ok || approved.status !== "COMPLETED") throw new Error("not approved");
    expect(approved.technicianId).toMatch(/^\d{12}21$/);
    const done = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(done).toMatchObject({ status: "COMPLETED", technicianId: approved.technicianId });
    expect(done.completedAt).not.toBeNull();
    const completedEmail = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email, template: "registration-completed" },
    });
    expect(completedEmail.payload).toMatchObject({ technicianId: approved.technicianId, applicationNumber });
    expect(
      await db.notice.count({ where: { applicantId: applicant.id, kind: "REGISTRATION_COMPLETED" } }),
    ).toBe(1);
    const reviews = await db.applicationReview.findMany({
      where: { applicationId },
      orderBy: { submissionVersion: "asc" },
    });
    expect(reviews.map((r) => [r.submissionVersion, r.decision])).toEqual([
      [1, "RETURNED"],
      [2, "APPROVED"],
    ]);
    const audit = await db.auditLog.findMany({ where: { targetId: applicationId }, orderBy: { at: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "application.submitted",
      "application.returned",
      "application.resubmitted",
      "application.approved",
    ]);
    // Once decided, a decision posted against the old version changes nothing.
    const late = await decideApplication({
      staffId: staff.id,
      applicationId,
      lockVersion: afterResend.lockVersion,
      decision: { kind: "approve" },
      ip: context.ip,
    });
    expect(late).toEqual({ ok: false, reason: "stale" });
  });

  it("lets only one of two staff decide when they press at the same moment", async () => {
    const [first, second] = await Promise.all([staffMember("a"), staffMember("b")]);
    const { applicant, applicationId, lockVersion } = await sentApplication("race");
    const results = await Promise.all([
      decideApplication({
        staffId: first.id,
        applicationId,
        lockVersion,
        decision: { kind: "approve" },
        ip: null,
      }),
      decideApplication({
        staffId: second.id,
        applicationId,
        lockVersion,
        decision: {
          kind: "return",
          items: [{ reasonCode: reason("employer").code, comment: "確認してください。" }],
        },
        ip: null,
      }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "stale" }]);
    expect(await db.applicationReview.count({ where: { applicationId } })).toBe(1);
    const emails = await db.emailOutbox.count({
      where: {
        toAddress: applicant.email,
        template: { in: ["registration-completed", "application-returned"] },
      },
    });
    expect(emails).toBe(1);
  });

  it("issues different 技能者IDs and refuses an unknown reason or a missing application", async () => {
    const staff = await staffMember("ids");
    const one = await sentApplication("id-one");
    const two = await sentApplication("id-two");
    const a = await decideApplication({ staffId: staff.id, ...one, decision: { kind: "approve" }, ip: null });
    const b = await decideApplication({ staffId: staff.id, ...two, decision: { kind: "approve" }, ip: null });
    expect(a.ok && b.ok && a.status === "COMPLETED" && b.status === "COMPLETED").toBe(true);
    if (a.ok && b.ok && a.status === "COMPLETED" && b.status === "COMPLETED") {
      expect(a.technicianId).not.toBe(b.technicianId);
    }

    const three = await sentApplication("id-three");
    const unknown = await decideApplication({
      staffId: staff.id,
      ...three,
      decision: { kind: "return", items: [{ reasonCode: "NO_SUCH_REASON", comment: "x" }] },
      ip: null,
    });
    expect(unknown).toEqual({ ok: false, reason: "unknown-reason" });
    expect((await db.application.findUniqueOrThrow({ where: { id: three.applicationId } })).status).toBe(
      "SUBMITTED",
    );
    expect(
      await decideApplication({
        staffId: staff.id,
        applicationId: randomUUID(),
        lockVersion: 0,
        decision: { kind: "approve" },
        ip: null,
      }),
    ).toEqual({ ok: false, reason: "not-found" });
  });
});
