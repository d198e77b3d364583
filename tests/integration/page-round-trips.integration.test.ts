// Database round trips per signed-in page (issue 14, docs/performance.md section 2): every page of
// the benchmark's list (scripts/bench/support/page-list.ts) is rendered as its persona sees it —
// the page's own async server component and the async server components it returns — against the
// real test database, and the round trips are counted on the wire by the benchmark's relay
// (scripts/bench/support/pg-round-trips.ts) between the Prisma client and PostgreSQL. A page that
// reads more than its budget fails: the counts are exact and stable (a session touch happens at
// most once a minute and never in a fresh session). React's cache() is per request in Next.js;
// here it is per rendered page, as in a request.
//
// The second part drives the session check of the data access layer (one query: session row,
// the user of its role, the unread count) through every way a session ends and across roles.
import type * as ReactModule from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const wire = await vi.hoisted(async () => {
  // Before any module opens the Prisma client: the client talks to PostgreSQL through the relay.
  const { startRoundTripRelay } = await import("../../scripts/bench/support/pg-round-trips");
  const url = new URL(process.env.DATABASE_URL ?? "");
  const relay = await startRoundTripRelay({ host: url.hostname, port: Number(url.port) });
  url.port = String(relay.port);
  process.env.DATABASE_URL = url.toString();
  delete (globalThis as { prisma?: unknown }).prisma;
  return {
    relay,
    /** The session id the request's JWT names (null: signed out). */
    sessionId: null as string | null,
    /** React cache(): one store per request. */
    requestCache: new Map<unknown, Map<string, unknown>>(),
  };
});

vi.mock("@/lib/auth/next-auth", () => ({
  SESSION_PROVIDER_ID: "session-ticket",
  auth: () => Promise.resolve(wire.sessionId ? { sessionId: wire.sessionId } : null),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));

vi.mock("react", async (importOriginal) => {
  const actual = await importOriginal<typeof ReactModule>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const cached = (...args: A): R => {
      let store = wire.requestCache.get(cached);
      if (!store) wire.requestCache.set(cached, (store = new Map()));
      const key = JSON.stringify(args);
      if (!store.has(key)) store.set(key, fn(...args));
      return store.get(key) as R;
    };
    return cached;
  };
  return { ...actual, cache, default: { ...actual, cache } };
});

import { db } from "@/lib/db";
import { consumeSessionTicket, createSession, revokeSession } from "@/lib/auth/sessions";
import { sessionPolicy } from "@/lib/auth/policies";
import { getCurrentApplicant, getCurrentStaff, requireApplicant, requireStaff } from "@/lib/dal/session";
import { createScenario, type Persona } from "@/lib/test-kit/scenarios";
import { portalPages } from "../../scripts/bench/support/page-list";

interface MeasuredPage {
  name: string;
  path: string;
  persona: Persona | null;
}

/** The benchmark's pages, and the applicant pages it leaves out. */
const pages: MeasuredPage[] = [
  ...portalPages,
  { name: "登録料のお支払い", path: "/payment", persona: "submitted" },
  { name: "申請の取下げ", path: "/withdraw", persona: "submitted" },
  { name: "詳細型への移行", path: "/upgrade", persona: "approved" },
];

/** Round trips per GET, as measured after issue 14's changes; more is a regression. */
const BUDGET: Record<string, number> = {
  ログイン: 0,
  職員ログイン: 0,
  利用申し込み: 0,
  パスワード変更: 1,
  メニュー: 2,
  注意事項: 1,
  システム利用規約同意: 3,
  個人情報の取り扱い等の同意: 2,
  申請内容登録: 2,
  本人情報: 2,
  顔写真: 2,
  本人確認書類: 2,
  所属事業者情報: 2,
  "社会保険・建退共・中退共": 2,
  職種: 2,
  保有資格: 2,
  研修受講履歴: 2,
  表彰履歴: 2,
  学歴: 2,
  健康診断受診履歴: 2,
  労災保険特別加入: 2,
  "申請内容送信 (check)": 2,
  申請完了: 2,
  "20_申請の修正": 2,
  "通知 (list)": 2,
  "通知 (one)": 2,
  登録料のお支払い: 2,
  申請の取下げ: 2,
  詳細型への移行: 2,
};

/** The page module of a path of the list. */
function pageModule(path: string): string {
  if (path === "/staff/login") return "@/app/staff/login/page";
  const route = path === "/notices/:id" ? "/notices/[id]" : path;
  return `@/app/(applicant)${route}/page`;
}

type Component = (props: Record<string, unknown>) => unknown;

/**
 * Renders what a server render would run of the tree: every async function component (a server
 * component that reads data), called with its props, and the tree it returns, in order.
 */
async function runServerComponents(node: unknown): Promise<void> {
  if (Array.isArray(node)) {
    for (const child of node) await runServerComponents(child);
    return;
  }
  if (node === null || typeof node !== "object" || !("props" in node)) return;
  const { type, props } = node as { type: unknown; props: Record<string, unknown> };
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    await runServerComponents(await (type as Component)(props));
    return;
  }
  for (const value of Object.values(props)) await runServerComponents(value);
}

async function signIn(role: "APPLICANT" | "STAFF", userId: string, at = new Date()): Promise<string> {
  const version = await (role === "APPLICANT"
    ? db.applicant.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })
    : db.staffUser.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } }));
  const { sessionId, ticket } = await createSession(db, {
    role,
    userId,
    sessionVersion: version.sessionVersion,
    ip: null,
    userAgent: "vitest",
    at,
  });
  expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(true);
  return sessionId;
}

/** One GET of the page as `sessionId`: its round trips. A redirect or 404 fails the test. */
async function roundTripsOf(page: MeasuredPage, sessionId: string | null, noticeId: string | null) {
  const { default: Page } = (await import(/* @vite-ignore */ pageModule(page.path))) as {
    default: Component;
  };
  wire.sessionId = sessionId;
  wire.requestCache = new Map();
  wire.relay.reset();
  await runServerComponents(
    await Page({ searchParams: Promise.resolve({}), params: Promise.resolve({ id: noticeId ?? "" }) }),
  );
  return wire.relay.snapshot();
}

afterAll(async () => {
  // The pool first: connections cut by the relay would read as the database going away.
  await db.$disconnect();
  await wire.relay.stop();
});

describe("database round trips per page", () => {
  const sessions = new Map<Persona, { sessionId: string; noticeId: string | null }>();

  beforeAll(async () => {
    const personas = [...new Set(pages.flatMap((page) => (page.persona ? [page.persona] : [])))];
    for (const persona of personas) {
      const scenario = await createScenario({ persona, ns: `rt-${persona}` });
      const applicant = await db.applicant.findUniqueOrThrow({
        where: { loginId: scenario.loginId ?? "" },
        select: { id: true },
      });
      const notice = await db.notice.findFirst({
        where: { applicantId: applicant.id },
        orderBy: { createdAt: "desc" },
      });
      sessions.set(persona, {
        sessionId: await signIn("APPLICANT", applicant.id),
        noticeId: notice?.id ?? null,
      });
    }
  }, 120_000);

  it("has a budget for every page of the list", () => {
    expect(Object.keys(BUDGET).sort()).toEqual(pages.map((page) => page.name).sort());
  });

  it.each(pages.map((page) => [page.name, page] as const))(
    "%s stays within its budget",
    async (_name, page) => {
      const signedIn = page.persona ? sessions.get(page.persona) : undefined;
      if (page.persona) expect(signedIn).toBeDefined();
      // Warm-up (the first use of a pooled connection, the consent files' publishing), then measured.
      await roundTripsOf(page, signedIn?.sessionId ?? null, signedIn?.noticeId ?? null);
      const { roundTrips, statements } = await roundTripsOf(
        page,
        signedIn?.sessionId ?? null,
        signedIn?.noticeId ?? null,
      );
      // Signed in, the session check alone is one: none at all would mean the relay saw nothing.
      if (page.persona) expect(roundTrips).toBeGreaterThanOrEqual(1);
      expect(roundTrips, statements.join("\n")).toBeLessThanOrEqual(BUDGET[page.name] ?? 0);
    },
  );
});

describe("the session check (one query) still refuses", () => {
  async function applicantSession() {
    const scenario = await createScenario({
      persona: "active",
      ns: `rt-session-${Math.random().toString(36).slice(2)}`,
    });
    const applicant = await db.applicant.findUniqueOrThrow({
      where: { loginId: scenario.loginId ?? "" },
      select: { id: true },
    });
    return { applicantId: applicant.id, sessionId: await signIn("APPLICANT", applicant.id) };
  }

  async function staffSession() {
    const scenario = await createScenario({
      persona: "staff",
      ns: `rt-staff-${Math.random().toString(36).slice(2)}`,
    });
    const staff = await db.staffUser.findUniqueOrThrow({
      where: { email: scenario.email },
      select: { id: true },
    });
    return { staffId: staff.id, sessionId: await signIn("STAFF", staff.id) };
  }

  /** The DAL's answers for one request as `sessionId`. */
  async function asRequest(sessionId: string) {
    wire.sessionId = sessionId;
    wire.requestCache = new Map();
    return { applicant: await getCurrentApplicant(), staff: await getCurrentStaff() };
  }

  const redirectOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return (error as { digest?: string }).digest ?? String(error);
    }
    return "no redirect";
  };

  it("accepts a valid applicant session with the applicant and the unread count, in one round trip", async () => {
    const { applicantId, sessionId } = await applicantSession();
    const unread = await db.notice.count({ where: { applicantId, readAt: null } });
    await db.notice.create({ data: { applicantId, kind: "PASSWORD_CHANGED", title: "t", body: "b" } });
    wire.relay.reset();
    const { applicant } = await asRequest(sessionId);
    expect(applicant?.applicant.id).toBe(applicantId);
    expect(applicant?.unreadNotices).toBe(unread + 1);
    expect(applicant?.session.id).toBe(sessionId);
    expect(wire.relay.snapshot().roundTrips).toBe(1);
  });

  it("an applicant session on a staff page, and a staff session on an applicant page", async () => {
    const applicant = await applicantSession();
    expect((await asRequest(applicant.sessionId)).staff).toBeNull();
    expect(await redirectOf(() => requireStaff())).toMatch(/\/staff\/login\?reason=signed-out/);

    const staff = await staffSession();
    const seen = await asRequest(staff.sessionId);
    expect(seen.applicant).toBeNull();
    expect(seen.staff?.staff.id).toBe(staff.staffId);
    expect(await redirectOf(() => requireApplicant())).toMatch(/\/login\?reason=signed-out/);
  });

  it("a revoked session", async () => {
    const { sessionId } = await applicantSession();
    expect((await asRequest(sessionId)).applicant).not.toBeNull();
    await revokeSession(db, sessionId, new Date());
    expect((await asRequest(sessionId)).applicant).toBeNull();
  });

  it("a session whose user's session version was bumped (password change, reissue)", async () => {
    const { applicantId, sessionId } = await applicantSession();
    await db.applicant.update({ where: { id: applicantId }, data: { sessionVersion: { increment: 1 } } });
    expect((await asRequest(sessionId)).applicant).toBeNull();

    const staff = await staffSession();
    await db.staffUser.update({ where: { id: staff.staffId }, data: { sessionVersion: { increment: 1 } } });
    expect((await asRequest(staff.sessionId)).staff).toBeNull();
  });

  it("a session of a disabled account (利用停止), applicant or staff", async () => {
    const { applicantId, sessionId } = await applicantSession();
    await db.applicant.update({ where: { id: applicantId }, data: { disabledAt: new Date() } });
    expect((await asRequest(sessionId)).applicant).toBeNull();

    const staff = await staffSession();
    await db.staffUser.update({ where: { id: staff.staffId }, data: { disabledAt: new Date() } });
    expect((await asRequest(staff.sessionId)).staff).toBeNull();
  });

  it("a session idle for longer than the idle limit, and one past its absolute lifetime", async () => {
    const { idleMs, maxMs } = sessionPolicy();
    const idle = await applicantSession();
    await db.authSession.update({
      where: { id: idle.sessionId },
      data: { lastSeenAt: new Date(Date.now() - idleMs - 1000) },
    });
    expect((await asRequest(idle.sessionId)).applicant).toBeNull();

    const old = await applicantSession();
    await db.authSession.update({
      where: { id: old.sessionId },
      data: { createdAt: new Date(Date.now() - maxMs - 1000), lastSeenAt: new Date() },
    });
    expect((await asRequest(old.sessionId)).applicant).toBeNull();
  });

  it("a session whose one-time ticket was never used", async () => {
    const { applicantId } = await applicantSession();
    const { sessionId } = await createSession(db, {
      role: "APPLICANT",
      userId: applicantId,
      sessionVersion: (await db.applicant.findUniqueOrThrow({ where: { id: applicantId } })).sessionVersion,
      ip: null,
      userAgent: null,
      at: new Date(),
    });
    expect((await asRequest(sessionId)).applicant).toBeNull();
  });
});
