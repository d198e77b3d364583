// 申請者一覧 and 申請一覧 against the real database: each search field, each 状態 filter, keyset
// paging both ways without duplicates or gaps, and a broken cursor. Other test files write
// applicants into the same database at the same time, so every case searches for rows of its
// own (a random tag at the start of 氏名, its own 申請番号 day).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ApplicationStatus, FeeStatus } from "@/lib/generated/prisma/client";
import { generateLoginId } from "@/lib/auth/login-id";
import { listApplicants } from "@/lib/staff/list-applicants";
import {
  buildApplicationListQuery,
  listApplications,
  type ApplicationListRow,
} from "@/lib/staff/list-applications";
import { buildListPage, decodeListCursor, type ListPage } from "@/lib/staff/list-cursor";
import {
  parseApplicantListParams,
  parseApplicationListParams,
  type RawSearchParams,
} from "@/lib/staff/list-params";

const uniqueTag = () => `一覧${randomUUID().slice(0, 8)}`;
const MINUTE = 60_000;
const BASE_TIME = Date.parse("2001-02-03T04:05:06.789Z");

interface ApplicantSeed {
  name: string;
  email?: string;
  loginId?: string;
  issuedAt?: Date;
  mustChangePassword?: boolean;
  lockedUntil?: Date | null;
  disabledAt?: Date | null;
}

async function createApplicants(seeds: ApplicantSeed[]) {
  return db.applicant.createManyAndReturn({
    data: seeds.map((seed, index) => ({
      loginId: seed.loginId ?? generateLoginId(),
      name: seed.name,
      email: seed.email ?? `${randomUUID()}@example.test`,
      passwordHash: "not-a-usable-hash",
      issuedAt: seed.issuedAt ?? new Date(BASE_TIME + index * MINUTE),
      mustChangePassword: seed.mustChangePassword ?? false,
      lockedUntil: seed.lockedUntil ?? null,
      disabledAt: seed.disabledAt ?? null,
    })),
    select: { id: true, loginId: true, name: true, email: true, issuedAt: true },
  });
}

let applicationNumberSerial = 0;

/** A 申請番号 on a day no real sending uses ("1999MMDD-NNNNNN"), unique within this file. */
function applicationNumber(day: string) {
  applicationNumberSerial += 1;
  return `${day}-${String(applicationNumberSerial).padStart(6, "0")}`;
}

/**
 * A sent application owes a paid 登録料 unless `fee` says otherwise (null: none, as before payment
 * began), so the list's default 支払状況 (支払済み) shows it.
 */
async function createApplication(
  applicantId: string,
  status: ApplicationStatus,
  options: { lastSentAt?: Date; day?: string; fee?: FeeStatus | null } = {},
) {
  const isSent = status !== "DRAFT";
  const lastSentAt = isSent ? (options.lastSentAt ?? new Date(BASE_TIME)) : null;
  const fee = isSent ? (options.fee === undefined ? "PAID" : options.fee) : null;
  return db.application.create({
    data: {
      applicantId,
      status,
      registrationType: "SIMPLE",
      applicationNumber: isSent ? applicationNumber(options.day ?? "19990101") : null,
      submittedAt: lastSentAt,
      lastSentAt,
      fees: fee
        ? {
            create: {
              purpose: "REGISTRATION",
              amount: 2500,
              status: fee,
              dueAt: new Date(BASE_TIME + 14 * 24 * 60 * MINUTE),
              paidAt: fee === "PAID" || fee === "REFUNDED" ? new Date(BASE_TIME) : null,
            },
          }
        : undefined,
    },
    select: { id: true, applicationNumber: true },
  });
}

const applicants = (raw: RawSearchParams) => listApplicants(parseApplicantListParams(raw));
const applications = (raw: RawSearchParams) => listApplications(parseApplicationListParams(raw));
const ids = (page: ListPage<{ id: string }>) => page.rows.map((row) => row.id);

/** listApplications with the applicant side joined one way or the other, whatever the count says. */
function applicationsJoined(fewMatchingApplicants: boolean) {
  return async (raw: RawSearchParams) => {
    const params = parseApplicationListParams(raw);
    const cursor = decodeListCursor(params.cursor);
    const rows = await db.$queryRaw<ApplicationListRow[]>(
      buildApplicationListQuery(params, cursor, fewMatchingApplicants),
    );
    return buildListPage(rows, cursor, (row) => ({ sortKey: row.lastSentAt, id: row.id }));
  };
}

/** Follows 「次の50件」 to the end, then 「前の50件」 back to the start; returns both walks. */
async function walkBothWays(list: (raw: RawSearchParams) => Promise<ListPage<{ id: string }>>, q: string) {
  const forward: string[][] = [];
  let page = await list({ q });
  expect(page.previousCursor).toBeNull();
  forward.push(ids(page));
  while (page.nextCursor) {
    page = await list({ q, cursor: page.nextCursor });
    expect(page.previousCursor).not.toBeNull();
    forward.push(ids(page));
  }
  const backward: string[][] = [];
  while (page.previousCursor) {
    page = await list({ q, cursor: page.previousCursor });
    expect(page.nextCursor).not.toBeNull();
    backward.unshift(ids(page));
  }
  return { forward, backward: [...backward, forward[forward.length - 1] ?? []] };
}

describe("listApplicants", () => {
  it("finds an applicant by 申請ログインID (exact, prefix, full-width), メールアドレス (any case) and 氏名 prefix", async () => {
    const tag = uniqueTag();
    const [target, other] = await createApplicants([
      { name: `${tag} 山田 太郎`, email: `Taro.${tag}@Example.test` },
      { name: `${tag} 佐藤 花子` },
    ]);
    if (!target || !other) throw new Error("seed failed");
    const find = async (q: string) => ids(await applicants({ q }));

    expect(await find(target.loginId)).toEqual([target.id]);
    expect(await find(target.loginId.slice(0, 11))).toContain(target.id);
    const fullWidth = target.loginId.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(await find(fullWidth)).toEqual([target.id]);

    expect(await find(`taro.${tag}@example.test`)).toEqual([target.id]);
    expect(await find(`TARO.${tag}`)).toEqual([target.id]);

    expect(await find(`${tag} 山田`)).toEqual([target.id]);
    expect(await find(`　${tag}　山田　`)).toEqual([target.id]);
    expect((await find(tag)).sort()).toEqual([target.id, other.id].sort());
    expect(await find(`${tag} 太郎`)).toEqual([]);
  });

  it("treats % and _ in the search words as themselves, not as wildcards", async () => {
    const tag = uniqueTag();
    const [plain] = await createApplicants([{ name: `${tag} 山田` }]);
    expect(plain).toBeDefined();
    expect(ids(await applicants({ q: `${tag}%` }))).toEqual([]);
    expect(ids(await applicants({ q: `${tag.slice(0, -1)}_` }))).toEqual([]);
  });

  it("filters by 状態 and reports the state, the lock and the application of each row", async () => {
    const tag = uniqueTag();
    const inAnHour = new Date(Date.now() + 60 * MINUTE);
    const [mustChange, active, locked, expiredLock, disabled, sent] = await createApplicants([
      { name: `${tag} 変更前`, mustChangePassword: true },
      { name: `${tag} 利用中` },
      { name: `${tag} ロック中`, lockedUntil: inAnHour },
      { name: `${tag} ロック切れ`, lockedUntil: new Date(Date.now() - MINUTE) },
      { name: `${tag} 停止`, mustChangePassword: true, disabledAt: new Date() },
      { name: `${tag} 申請済み` },
    ]);
    if (!mustChange || !active || !locked || !expiredLock || !disabled || !sent)
      throw new Error("seed failed");
    const draft = await createApplication(active.id, "DRAFT");
    const submitted = await createApplication(sent.id, "SUBMITTED");
    const filtered = async (status: string) => ids(await applicants({ q: tag, status })).sort();

    expect(await filtered("must-change-password")).toEqual([mustChange.id]);
    expect(await filtered("active")).toEqual([active.id, locked.id, expiredLock.id, sent.id].sort());
    expect(await filtered("locked")).toEqual([locked.id]);
    expect(await filtered("disabled")).toEqual([disabled.id]);
    expect(await filtered("all")).toHaveLength(6);
    expect(await filtered("no-such-status")).toHaveLength(6);

    const rows = new Map((await applicants({ q: tag })).rows.map((row) => [row.id, row]));
    expect(rows.get(locked.id)).toMatchObject({
      isLocked: true,
      applicationId: null,
      applicationStatus: null,
    });
    expect(rows.get(expiredLock.id)).toMatchObject({ isLocked: false });
    expect(rows.get(disabled.id)).toMatchObject({ disabledAt: expect.any(Date), mustChangePassword: true });
    expect(rows.get(active.id)).toMatchObject({ applicationId: draft.id, applicationStatus: "DRAFT" });
    expect(rows.get(sent.id)).toMatchObject({ applicationId: submitted.id, applicationStatus: "SUBMITTED" });
  });

  it("pages through 120 rows, newest first, both ways, with no row twice and none missing", async () => {
    const tag = uniqueTag();
    // Pairs share an issue instant, so the order and the cursor must break ties by id.
    const created = await createApplicants(
      Array.from({ length: 120 }, (_, index) => ({
        name: `${tag} ${String(index).padStart(3, "0")}`,
        issuedAt: new Date(BASE_TIME + Math.floor(index / 2) * MINUTE),
      })),
    );
    const expected = [...created]
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);

    const { forward, backward } = await walkBothWays(applicants, tag);
    expect(forward.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(forward.flat()).toEqual(expected);
    expect(backward).toEqual(forward);
  });

  it("lists paid applications by default and filters by 支払状況 (the latest fee's status)", async () => {
    const tag = uniqueTag();
    const fees = ["PAID", "UNPAID", "EXPIRED", "REFUNDED", "CANCELED", null] as const;
    const created = await createApplicants(fees.map((fee) => ({ name: `${tag} ${fee ?? "NONE"}` })));
    const byFee = new Map<FeeStatus | null, string>();
    for (const [index, fee] of fees.entries()) {
      const applicant = created[index];
      if (!applicant) throw new Error("seed failed");
      byFee.set(fee, (await createApplication(applicant.id, "SUBMITTED", { fee, day: "19990104" })).id);
    }
    // An upgrade's fee, raised after the paid 登録料, decides: this one waits for payment again.
    const upgraded = await createApplicants([{ name: `${tag} UPGRADE` }]);
    const upgradedApplication = await createApplication(upgraded[0]!.id, "SUBMITTED", { day: "19990104" });
    await db.applicationFee.create({
      data: {
        applicationId: upgradedApplication.id,
        purpose: "UPGRADE",
        amount: 2400,
        status: "UNPAID",
        dueAt: new Date(BASE_TIME + 30 * 24 * 60 * MINUTE),
        createdAt: new Date(Date.now() + MINUTE),
      },
    });
    const filtered = async (payment?: string) => ids(await applications({ q: tag, payment })).sort();

    expect(await filtered()).toEqual([byFee.get("PAID")]);
    expect(await filtered("paid")).toEqual([byFee.get("PAID")]);
    expect(await filtered("bogus")).toEqual([byFee.get("PAID")]);
    expect(await filtered("unpaid")).toEqual([byFee.get("UNPAID"), upgradedApplication.id].sort());
    expect(await filtered("expired")).toEqual([byFee.get("EXPIRED")]);
    expect(await filtered("refunded")).toEqual([byFee.get("REFUNDED")]);
    expect(await filtered("canceled")).toEqual([byFee.get("CANCELED")]);
    expect(await filtered("all")).toEqual([...byFee.values(), upgradedApplication.id].sort());

    const all = await applications({ q: tag, payment: "all" });
    const statusOf = new Map(all.rows.map((row) => [row.id, row.paymentStatus]));
    for (const [fee, id] of byFee) expect(statusOf.get(id)).toBe(fee);
    expect(statusOf.get(upgradedApplication.id)).toBe("UNPAID");
    // Both ways of joining the matching applicants, and the 申請番号 side, filter the same way.
    for (const list of [applicationsJoined(true), applicationsJoined(false)]) {
      expect(ids(await list({ q: tag, payment: "unpaid" })).sort()).toEqual(
        [byFee.get("UNPAID"), upgradedApplication.id].sort(),
      );
      expect(ids(await list({ q: tag })).sort()).toEqual([byFee.get("PAID")]);
    }
    const number = (await db.application.findUniqueOrThrow({ where: { id: byFee.get("UNPAID")! } }))
      .applicationNumber!;
    expect(ids(await applications({ q: number }))).toEqual([]);
    expect(ids(await applications({ q: number, payment: "unpaid" }))).toEqual([byFee.get("UNPAID")]);
  });

  it("shows the first page for a cursor that is not one of ours", async () => {
    const tag = uniqueTag();
    await createApplicants(Array.from({ length: 55 }, (_, index) => ({ name: `${tag} ${index}` })));
    const first = await applicants({ q: tag });
    expect(first.rows).toHaveLength(50);
    const forged = Buffer.from(JSON.stringify({ d: "a", t: "yesterday", i: "x" })).toString("base64url");
    for (const cursor of ["garbage!", "eyJ9", forged, ["also", "garbage"]]) {
      const page = await applicants({ q: tag, cursor });
      expect(ids(page)).toEqual(ids(first));
      expect(page.previousCursor).toBeNull();
    }
  });
});

describe("listApplications", () => {
  it("finds an application by 申請番号 (exact, prefix, without the hyphen), 氏名 prefix and 申請ログインID", async () => {
    const tag = uniqueTag();
    const [target, other] = await createApplicants([
      { name: `${tag} 山田 太郎` },
      { name: `${tag} 佐藤 花子` },
    ]);
    if (!target || !other) throw new Error("seed failed");
    const application = await createApplication(target.id, "SUBMITTED", { day: "19990102" });
    const otherApplication = await createApplication(other.id, "RETURNED", { day: "19990102" });
    const number = application.applicationNumber ?? "";
    const find = async (q: string) => ids(await applications({ q })).sort();

    expect(await find(number)).toEqual([application.id]);
    expect(await find(number.replace("-", ""))).toEqual([application.id]);
    expect(await find("19990102-")).toEqual([application.id, otherApplication.id].sort());
    expect(await find(`${tag} 山田`)).toEqual([application.id]);
    expect(await find(tag)).toEqual([application.id, otherApplication.id].sort());
    expect(await find(target.loginId)).toEqual([application.id]);
    expect(await find(target.loginId.slice(0, 11))).toContain(application.id);

    const [row] = (await applications({ q: number })).rows;
    expect(row).toMatchObject({
      applicationNumber: number,
      status: "SUBMITTED",
      registrationType: "SIMPLE",
      name: `${tag} 山田 太郎`,
      loginId: target.loginId,
      lastSentAt: new Date(BASE_TIME),
    });
  });

  it("lists sent applications only, and filters by each status", async () => {
    const tag = uniqueTag();
    const statuses = ["DRAFT", "SUBMITTED", "RETURNED", "RESUBMITTED", "COMPLETED", "WITHDRAWN"] as const;
    const created = await createApplicants(statuses.map((status) => ({ name: `${tag} ${status}` })));
    const byStatus = new Map<ApplicationStatus, string>();
    for (const [index, status] of statuses.entries()) {
      const applicant = created[index];
      if (!applicant) throw new Error("seed failed");
      byStatus.set(status, (await createApplication(applicant.id, status)).id);
    }
    const draftApplicant = created[0];
    const filtered = async (status?: string) => ids(await applications({ q: tag, status })).sort();

    const sent = statuses.filter((status) => status !== "DRAFT").map((status) => byStatus.get(status));
    expect(await filtered()).toEqual(sent.sort());
    expect(await filtered("all")).toEqual(sent.sort());
    expect(await filtered("draft")).toEqual(sent.sort());
    expect(await filtered("submitted")).toEqual([byStatus.get("SUBMITTED")]);
    expect(await filtered("returned")).toEqual([byStatus.get("RETURNED")]);
    expect(await filtered("resubmitted")).toEqual([byStatus.get("RESUBMITTED")]);
    expect(await filtered("completed")).toEqual([byStatus.get("COMPLETED")]);
    expect(await filtered("withdrawn")).toEqual([byStatus.get("WITHDRAWN")]);
    expect(ids(await applications({ q: draftApplicant?.loginId ?? "" }))).toEqual([]);
    expect(ids(await applications({}))).not.toContain(byStatus.get("DRAFT"));
  });

  it("pages through 120 applications, newest sending first, both ways, with no row twice and none missing", async () => {
    const tag = uniqueTag();
    const created = await createApplicants(
      Array.from({ length: 120 }, (_, index) => ({ name: `${tag} ${String(index).padStart(3, "0")}` })),
    );
    const sentAt = new Map<string, number>();
    for (const [index, applicant] of created.entries()) {
      // Threes share a sending instant, so the cursor must break ties by id.
      const lastSentAt = new Date(BASE_TIME + Math.floor(index / 3) * MINUTE);
      const application = await createApplication(applicant.id, index % 2 ? "SUBMITTED" : "RESUBMITTED", {
        lastSentAt,
        day: "19990103",
      });
      sentAt.set(application.id, lastSentAt.getTime());
    }
    const expected = [...sentAt.entries()]
      .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1))
      .map(([id]) => id);

    const { forward, backward } = await walkBothWays(applications, tag);
    expect(forward.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(forward.flat()).toEqual(expected);
    expect(backward).toEqual(forward);

    // The UNION path (a q that may be a 申請番号 too), and both ways of joining the matching
    // applicants (chosen by how many match), page the same way.
    for (const [list, q] of [
      [applications, "19990103"],
      [applicationsJoined(true), tag],
      [applicationsJoined(false), tag],
      [applicationsJoined(true), "19990103"],
      [applicationsJoined(false), "19990103"],
    ] as const) {
      const walked = await walkBothWays(list, q);
      expect(walked.forward.flat()).toEqual(expected);
      expect(walked.backward).toEqual(walked.forward);
    }
  });

  it("shows the first page for a cursor that is not one of ours", async () => {
    const tag = uniqueTag();
    const [applicant] = await createApplicants([{ name: `${tag} 山田` }]);
    if (!applicant) throw new Error("seed failed");
    const application = await createApplication(applicant.id, "SUBMITTED");
    const page = await applications({ q: tag, cursor: "not-a-cursor" });
    expect(ids(page)).toEqual([application.id]);
    expect(page).toMatchObject({ nextCursor: null, previousCursor: null });
  });
});
