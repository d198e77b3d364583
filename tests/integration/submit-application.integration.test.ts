// 申請する: one application, one 申請番号, one submitted version and one receipt email, however
// many times it is pressed; nothing is sent while a group is missing or no longer valid.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkOptions } from "@/lib/applications/check-options";
import { buildCheckSections, canSend, GROUP_NOT_DONE } from "@/lib/applications/application-check";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { formatApplicationNumber, submitApplication } from "@/lib/applications/submit-application";
import { completeSimpleApplication } from "./support/complete-application";

const context = { ip: "203.0.113.7" };

async function countsFor(applicationId: string, email: string) {
  const [submissions, emails] = await Promise.all([
    db.applicationSubmission.count({ where: { applicationId } }),
    db.emailOutbox.count({ where: { toAddress: email, template: "application-received" } }),
  ]);
  return { submissions, emails };
}

describe("application numbers", () => {
  it("are the sending day in Japan time and a zero-padded sequence", () => {
    expect(formatApplicationNumber(new Date("2026-11-26T15:30:00Z"), 42n)).toBe("20261127-000042");
    expect(formatApplicationNumber(new Date("2026-11-26T14:59:59Z"), 1234567)).toBe("20261126-1234567");
  });
});

describe("submitApplication", () => {
  it("sends a complete application once: status 申請中, a number, a version and a receipt email", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("once");
    const application = await findApplicationOf(applicant.id);
    expect(canSend(buildCheckSections(application!, checkOptions()))).toBe(true);

    const result = await submitApplication(applicant.id, checkOptions(), context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.applicationNumber).toMatch(/^\d{8}-\d{6,}$/);

    const stored = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.applicationNumber).toBe(result.applicationNumber);
    expect(stored.submittedAt).not.toBeNull();
    expect(await countsFor(applicationId, applicant.email)).toEqual({ submissions: 1, emails: 1 });

    const version = await db.applicationSubmission.findFirstOrThrow({ where: { applicationId } });
    expect(version.version).toBe(1);
    const content = version.content as { applicationNumber: string; sections: { key: string }[] };
    expect(content.applicationNumber).toBe(result.applicationNumber);
    expect(content.sections.map((section) => section.key)).toContain("personal-info");
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email },
      orderBy: { createdAt: "desc" },
    });
    expect(email.payload).toMatchObject({
      applicationNumber: result.applicationNumber,
      fee: "2,500円（税込）",
    });

    // A retry after the send went through changes nothing and answers with the same number.
    const again = await submitApplication(applicant.id, checkOptions(), context);
    expect(again).toEqual(result);
    expect(await countsFor(applicationId, applicant.email)).toEqual({ submissions: 1, emails: 1 });
  });

  it("makes one application when pressed many times at once", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("burst");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => submitApplication(applicant.id, checkOptions(), context)),
    );
    const numbers = new Set(results.map((result) => (result.ok ? result.applicationNumber : result.reason)));
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^\d{8}-\d{6,}$/);
    expect(await countsFor(applicationId, applicant.email)).toEqual({ submissions: 1, emails: 1 });
  });

  it("refuses an application with a group not done, and changes nothing", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("missing");
    await db.applicationEmployer.delete({ where: { applicationId } });
    const sections = buildCheckSections((await findApplicationOf(applicant.id))!, checkOptions());
    expect(sections.find((section) => section.key === "employer")?.problems).toEqual([GROUP_NOT_DONE]);

    expect(await submitApplication(applicant.id, checkOptions(), context)).toEqual({
      ok: false,
      reason: "incomplete",
    });
    const stored = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(stored.status).toBe("DRAFT");
    expect(stored.applicationNumber).toBeNull();
    expect(await countsFor(applicationId, applicant.email)).toEqual({ submissions: 0, emails: 0 });
  });

  it("checks the whole application again: an answer that is no longer valid stops the send", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("stale");
    // Stored as complete, but a 14-year-old cannot register (the same schema as the page).
    const today = checkOptions().today;
    const fourteen = `${Number(today.slice(0, 4)) - 14}${today.slice(4)}`;
    await db.applicationPersonalInfo.update({ where: { applicationId }, data: { birthDate: fourteen } });
    expect(await submitApplication(applicant.id, checkOptions(), context)).toEqual({
      ok: false,
      reason: "incomplete",
    });
    expect(await countsFor(applicationId, applicant.email)).toEqual({ submissions: 0, emails: 0 });
  });

  it("checks the images again: a document side that is gone stops the send", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("no-back");
    await db.applicationFile.deleteMany({ where: { applicationId, slot: "identity-back" } });
    const sections = buildCheckSections((await findApplicationOf(applicant.id))!, checkOptions());
    expect(sections.find((section) => section.key === "identity-document")?.problems).not.toEqual([]);
    expect(await submitApplication(applicant.id, checkOptions(), context)).toEqual({
      ok: false,
      reason: "incomplete",
    });
  });

  it("refuses to send someone who has no application", async () => {
    const { applicant } = await completeSimpleApplication("none");
    await db.application.deleteMany({ where: { applicantId: applicant.id } });
    expect(await submitApplication(applicant.id, checkOptions(), context)).toEqual({
      ok: false,
      reason: "no-application",
    });
  });
});
