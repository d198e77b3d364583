// 同意記録 and 監査ログ are for administrators only (issue 9, item 9): for a 職員 (STAFF) the pages
// and the CSV route answer 404 like /staff/accounts, an administrator gets them; the export is a
// POST and a GET of its address exports nothing and writes no audit row.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { consumeSessionTicket, createSession } from "@/lib/auth/sessions";
import { auth } from "@/lib/auth/next-auth";
import { getRequestContext } from "@/lib/dal/request-context";
import { GET, POST } from "@/app/staff/consents/export/route";
import AuditLogPage from "@/app/staff/audit/page";
import ConsentExportPage from "@/app/staff/consents/page";

const { NotFoundSignal, RedirectSignal } = vi.hoisted(() => ({
  NotFoundSignal: class NotFoundSignal extends Error {},
  RedirectSignal: class RedirectSignal extends Error {
    constructor(readonly url: string) {
      super(`redirect to ${url}`);
    }
  },
}));
vi.mock("next/navigation", () => ({
  notFound: vi.fn(() => {
    throw new NotFoundSignal("not found");
  }),
  redirect: vi.fn((url: string) => {
    throw new RedirectSignal(url);
  }),
}));
vi.mock("@/lib/auth/next-auth", () => ({ auth: vi.fn() }));
vi.mock("@/lib/dal/request-context", () => ({ getRequestContext: vi.fn() }));

const ORIGIN = "http://portal.example";

async function staffMember(role: "ADMIN" | "STAFF") {
  const staff = await db.staffUser.create({
    data: {
      email: `records-${role.toLowerCase()}-${randomUUID()}@example.test`,
      name: role === "ADMIN" ? "記録 管理者" : "記録 職員",
      passwordHash: "unused",
      role,
    },
  });
  const { sessionId, ticket } = await createSession(db, {
    role: "STAFF",
    userId: staff.id,
    sessionVersion: staff.sessionVersion,
    ip: "192.0.2.60",
    userAgent: "vitest",
    at: new Date(),
  });
  expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(true);
  return { staff, sessionId };
}

function signInAs(sessionId: string | null) {
  vi.mocked(auth).mockResolvedValue(sessionId ? { sessionId } : null);
}

const exportsBy = (staffId: string) =>
  db.auditLog.count({ where: { action: "consents.exported", actorId: staffId } });

function exportPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${ORIGIN}/staff/consents/export`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: ORIGIN,
        host: "portal.example",
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

async function pageAnswer(render: () => Promise<unknown>): Promise<"rendered" | "not-found" | string> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    if (error instanceof NotFoundSignal) return "not-found";
    if (error instanceof RedirectSignal) return `redirect ${error.url}`;
    throw error;
  }
}

beforeEach(() => {
  vi.mocked(getRequestContext).mockResolvedValue({ ip: "192.0.2.61", userAgent: "vitest" });
});

describe("the consent CSV route", () => {
  it("exports for an administrator on POST, with one audit row", async () => {
    const { staff, sessionId } = await staffMember("ADMIN");
    signInAs(sessionId);
    const response = await exportPost({ from: "2026-01-01", to: "2026-01-31" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="consent-records-20260101-20260131.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.startsWith("申請ログインID,氏名,")).toBe(true);
    const records: string[][] = parse(text);
    expect(records[0]).toHaveLength(8);
    expect(await exportsBy(staff.id)).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "consents.exported", actorId: staff.id },
    });
    expect(audit).toMatchObject({ ip: "192.0.2.61", details: { from: "2026-01-01", to: "2026-01-31" } });
  });

  it("answers 404 to a 職員 (STAFF) and writes nothing", async () => {
    const { staff, sessionId } = await staffMember("STAFF");
    signInAs(sessionId);
    const response = await exportPost({ from: "", to: "" });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain("ページが見つかりません");
    expect(body).not.toContain("申請ログインID");
    expect(await exportsBy(staff.id)).toBe(0);
  });

  it("sends a visitor who is not signed in to the staff login", async () => {
    signInAs(null);
    const response = await exportPost({});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/staff/login?reason=signed-out");
  });

  it("exports nothing and writes no audit row on GET, even for an administrator", async () => {
    const { staff, sessionId } = await staffMember("ADMIN");
    signInAs(sessionId);
    const response = await GET(new Request(`${ORIGIN}/staff/consents/export?from=2026-01-01&to=2026-01-31`));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/staff/consents?from=2026-01-01&to=2026-01-31");
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
    expect((await GET(new Request(`${ORIGIN}/staff/consents/export`))).headers.get("location")).toBe(
      "/staff/consents",
    );
    expect(await exportsBy(staff.id)).toBe(0);

    // A 職員 gets the 404 answer, a visitor the staff login, as for a POST.
    const member = await staffMember("STAFF");
    signInAs(member.sessionId);
    expect((await GET(new Request(`${ORIGIN}/staff/consents/export`))).status).toBe(404);
    signInAs(null);
    expect((await GET(new Request(`${ORIGIN}/staff/consents/export`))).headers.get("location")).toBe(
      "/staff/login?reason=signed-out",
    );
    expect(await exportsBy(member.staff.id)).toBe(0);
  });

  it("refuses a POST from another site, and sends a bad filter back to the form, without an audit row", async () => {
    const { staff, sessionId } = await staffMember("ADMIN");
    signInAs(sessionId);
    const crossSite = await exportPost({}, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain("ダウンロードできません");
    const reversed = await exportPost({ from: "2026-03-02", to: "2026-03-01" });
    expect(reversed.status).toBe(303);
    expect(reversed.headers.get("location")).toBe("/staff/consents?from=2026-03-02&to=2026-03-01");
    expect(await exportsBy(staff.id)).toBe(0);
  });
});

describe("the 同意記録 and 監査ログ pages", () => {
  const pages = {
    "/staff/consents": () =>
      ConsentExportPage({ params: Promise.resolve({}), searchParams: Promise.resolve({}) }),
    "/staff/audit": () => AuditLogPage({ params: Promise.resolve({}), searchParams: Promise.resolve({}) }),
  };

  it.each(Object.keys(pages) as (keyof typeof pages)[])(
    "%s is the 404 page for a 職員 and renders for an administrator",
    async (path) => {
      const member = await staffMember("STAFF");
      signInAs(member.sessionId);
      expect(await pageAnswer(pages[path])).toBe("not-found");

      const admin = await staffMember("ADMIN");
      signInAs(admin.sessionId);
      expect(await pageAnswer(pages[path])).toBe("rendered");

      signInAs(null);
      expect(await pageAnswer(pages[path])).toBe("redirect /staff/login?reason=signed-out");
    },
  );
});
