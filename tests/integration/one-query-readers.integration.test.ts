// The readers that replaced Prisma's one-query-per-relation `include` with one SQL statement
// (issue 14: database round trips per request) answer exactly what the include answered.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applicationContent, findApplicationOf } from "@/lib/applications/draft-application";
import { openNotice } from "@/lib/notices/notices";
import { createScenario } from "@/lib/test-kit/scenarios";

async function applicantOf(persona: "detailed-filled" | "returned", ns: string) {
  const scenario = await createScenario({ persona, ns });
  return db.applicant.findUniqueOrThrow({ where: { loginId: scenario.loginId ?? "" }, select: { id: true } });
}

describe("findApplicationOf (one query)", () => {
  it("answers the application with every group as Prisma's include does", async () => {
    const applicant = await applicantOf("detailed-filled", "oq-filled");
    const viaInclude = await db.application.findUnique({
      where: { applicantId: applicant.id },
      include: applicationContent,
    });
    const viaOneQuery = await findApplicationOf(applicant.id);
    expect(viaInclude?.files.length).toBeGreaterThan(0);
    expect(viaInclude?.jobTypes.length).toBeGreaterThan(0);
    expect(viaInclude?.personalInfo).not.toBeNull();
    // Group states have no order of their own in the include: compared by key.
    const byKey = <T extends { groupKey: string }>(states: T[] | undefined) =>
      [...(states ?? [])].sort((a, b) => a.groupKey.localeCompare(b.groupKey));
    expect({ ...viaOneQuery, groupStates: byKey(viaOneQuery?.groupStates) }).toEqual({
      ...viaInclude,
      groupStates: byKey(viaInclude?.groupStates),
    });
  });

  it("answers null before the draft exists", async () => {
    const scenario = await createScenario({ persona: "active", ns: "oq-none" });
    const applicant = await db.applicant.findUniqueOrThrow({ where: { loginId: scenario.loginId ?? "" } });
    expect(await findApplicationOf(applicant.id)).toBeNull();
  });
});

describe("openNotice (one statement)", () => {
  it("answers the notice as stored, read on first opening, with the unread count after it", async () => {
    const applicant = await applicantOf("returned", "oq-notice");
    const unread = await db.notice.count({ where: { applicantId: applicant.id, readAt: null } });
    expect(unread).toBeGreaterThan(0);
    const notice = await db.notice.findFirstOrThrow({ where: { applicantId: applicant.id, readAt: null } });

    const opened = await openNotice(applicant.id, notice.id);
    const stored = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(stored.readAt).toBeInstanceOf(Date);
    expect(opened).toEqual({ ...stored, unreadAfter: unread - 1 });

    const again = await openNotice(applicant.id, notice.id);
    expect(again).toEqual({ ...stored, unreadAfter: unread - 1 });
  });
});
