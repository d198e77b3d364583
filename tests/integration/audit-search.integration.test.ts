// 監査ログの検索 against the real database: each filter (操作, 実行者 by staff e-mail or 申請ログインID,
// 対象ID, 期間 on Japan-time days), keyset paging both ways, broken cursors, the 操作 choices, and
// details shown without anything secret. Other files write audit rows at the same time, so each
// case uses an action code of its own.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateLoginId } from "@/lib/auth/login-id";
import { formatAuditDetails } from "@/lib/audit/audit-labels";
import { parseAuditSearchParams, type AuditSearchParams } from "@/lib/audit/audit-search-params";
import { describeAuditEntries } from "@/lib/audit/describe-audit-entries";
import { encodeListCursor } from "@/lib/staff/list-cursor";
import { decodeAuditCursor, listAuditActions, searchAuditLog } from "@/lib/audit/search-audit";

const BASE = Date.parse("1997-05-01T00:00:00.000Z");
const MINUTE = 60_000;

const search = (overrides: Partial<AuditSearchParams>): Promise<Awaited<ReturnType<typeof searchAuditLog>>> =>
  searchAuditLog({
    action: "",
    actor: "",
    target: "",
    from: null,
    to: null,
    cursor: undefined,
    ...overrides,
  });

async function fixtures() {
  const action = `test.${randomUUID().slice(0, 8)}`;
  const staff = await db.staffUser.create({
    data: {
      email: `audit-${randomUUID()}@Example.test`.toLowerCase(),
      name: "監査 職員",
      passwordHash: "unused",
    },
  });
  const applicant = await db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "監査 対象",
      email: `audit-${randomUUID()}@example.test`,
      passwordHash: "unused",
    },
  });
  return { action, staff, applicant };
}

describe("searchAuditLog", () => {
  it("filters by action and pages 50 at a time, newest first, both ways", async () => {
    const { action, staff, applicant } = await fixtures();
    await db.auditLog.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        at: new Date(BASE + i * MINUTE),
        actorType: "staff",
        actorId: staff.id,
        action,
        targetType: "applicant",
        targetId: applicant.id,
        details: { n: i },
      })),
    });

    const first = await search({ action });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.details).toEqual({ n: 54 });
    expect(first.previousCursor).toBeNull();
    const second = await search({ action, cursor: first.nextCursor ?? undefined });
    expect(second.rows.map((row) => (row.details as { n: number }).n)).toEqual([4, 3, 2, 1, 0]);
    expect(second.nextCursor).toBeNull();
    const back = await search({ action, cursor: second.previousCursor ?? undefined });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));

    // Resolved for display: the staff member by name and e-mail, the target by login ID.
    const [described] = await describeAuditEntries(first.rows.slice(0, 1));
    expect(described).toMatchObject({
      actorLabel: `監査 職員（${staff.email}）`,
      targetLabel: `申請者 ${applicant.loginId}`,
      targetHref: `/staff/applicants/${applicant.id}`,
    });
  });

  it("finds the actor by staff e-mail (any case) or 申請ログインID, and says so when nobody matches", async () => {
    const { action, staff, applicant } = await fixtures();
    await db.auditLog.createMany({
      data: [
        { at: new Date(BASE), actorType: "staff", actorId: staff.id, action },
        { at: new Date(BASE + MINUTE), actorType: "applicant", actorId: applicant.id, action },
      ],
    });
    const byStaff = await search({ action, actor: staff.email.toUpperCase() });
    expect(byStaff.rows.map((row) => row.actorId)).toEqual([staff.id]);
    const byApplicant = await search({ action, actor: applicant.loginId });
    expect(byApplicant.rows.map((row) => row.actorId)).toEqual([applicant.id]);
    const nobody = await search({ action, actor: "nobody@example.test" });
    expect(nobody).toMatchObject({ rows: [], actorNotFound: true });
  });

  it("matches the target id exactly, or the applicant of a 申請ログインID", async () => {
    const { action, applicant } = await fixtures();
    await db.auditLog.createMany({
      data: [
        { at: new Date(BASE), actorType: "system", action, targetType: "applicant", targetId: applicant.id },
        { at: new Date(BASE), actorType: "system", action, targetType: "applicant", targetId: randomUUID() },
      ],
    });
    expect((await search({ action, target: applicant.id })).rows).toHaveLength(1);
    expect((await search({ action, target: applicant.loginId })).rows).toHaveLength(1);
    expect((await search({ action, target: applicant.id.slice(0, 8) })).rows).toHaveLength(0);
  });

  it("reads 期間 as whole Japan-time days", async () => {
    const { action } = await fixtures();
    const times = [
      "1997-05-09T14:59:59.999Z", // 05-09 JST
      "1997-05-09T15:00:00.000Z", // 05-10 00:00 JST
      "1997-05-10T14:59:59.999Z", // 05-10 23:59:59.999 JST
      "1997-05-10T15:00:00.000Z", // 05-11 JST
    ];
    await db.auditLog.createMany({
      data: times.map((time) => ({ at: new Date(time), actorType: "system", action })),
    });
    const parsed = parseAuditSearchParams({ action, from: "1997/5/10", to: "1997-05-10" });
    expect(parsed.errors).toEqual({});
    const found = await search(parsed.params);
    expect(found.rows.map((row) => row.at.toISOString())).toEqual([times[2], times[1]]);
    expect((await search({ action, from: "1997-05-11" })).rows).toHaveLength(1);
    expect((await search({ action, to: "1997-05-09" })).rows).toHaveLength(1);
    expect(parseAuditSearchParams({ from: "1997-05-11", to: "1997-05-10" }).errors.to).toContain(
      "期間（まで）",
    );
  });

  it("offers every recorded action as a choice, known ones first", async () => {
    const { action } = await fixtures();
    await db.auditLog.create({ data: { actorType: "system", action, at: new Date(BASE) } });
    const actions = await listAuditActions();
    expect(actions[0]).toBe("login.succeeded");
    expect(actions).toContain("applicant.unlocked");
    expect(actions).toContain(action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});

describe("decodeAuditCursor", () => {
  it("reads its own cursors and nothing else", () => {
    const at = new Date(BASE);
    expect(decodeAuditCursor(encodeListCursor({ direction: "after", sortKey: at, id: "12345" }))).toEqual({
      direction: "after",
      sortKey: at,
      id: "12345",
    });
    expect(
      decodeAuditCursor(encodeListCursor({ direction: "before", sortKey: at, id: randomUUID() })),
    ).toBeNull();
    expect(decodeAuditCursor("not a cursor")).toBeNull();
    expect(decodeAuditCursor(undefined)).toBeNull();
  });
});

describe("formatAuditDetails", () => {
  it("renders details compactly and never shows a value under a secret-looking key", () => {
    expect(formatAuditDetails({ loginId: "12345678901221", version: 2, reasons: ["a", "b"] })).toBe(
      'loginId=12345678901221, version=2, reasons=["a","b"]',
    );
    const shown = formatAuditDetails({
      temporaryPassword: "Ab3$cd4!Ef5@",
      nested: { passwordHash: "$2b$x" },
    });
    expect(shown).not.toContain("Ab3$cd4!Ef5@");
    expect(shown).not.toContain("$2b$x");
    expect(formatAuditDetails(null)).toBe("");
  });
});
