// The staff lists' URL parameters and cursors: whatever the URL holds, the page gets usable
// values (a default instead of an error), and a cursor survives the round trip exactly.
import { describe, expect, it } from "vitest";
import { decodeListCursor, encodeListCursor, startsWithPattern } from "@/lib/staff/list-cursor";
import {
  STAFF_LIST_QUERY_MAX,
  parseApplicantListParams,
  parseApplicationListParams,
  staffListHref,
} from "@/lib/staff/list-params";

describe("staff list parameters", () => {
  it("trims the search words, collapses full-width spaces and keeps at most 100 characters", () => {
    expect(parseApplicantListParams({ q: "　山田　　太郎 " }).q).toBe("山田 太郎");
    const long = "𠮷".repeat(STAFF_LIST_QUERY_MAX + 20);
    expect(Array.from(parseApplicantListParams({ q: long }).q)).toHaveLength(STAFF_LIST_QUERY_MAX);
    expect(parseApplicantListParams({}).q).toBe("");
    expect(parseApplicantListParams({ q: ["最初", "二番目"] }).q).toBe("最初");
  });

  it("reads control characters as spaces (a NUL would fail the search query in PostgreSQL)", () => {
    expect(parseApplicantListParams({ q: "山田\u0000太郎\u0007" }).q).toBe("山田 太郎");
    expect(parseApplicationListParams({ q: "\u0000\u001b\u0085" }).q).toBe("");
  });

  it("accepts only the listed statuses, falling back to すべて", () => {
    expect(parseApplicantListParams({ status: "locked" }).status).toBe("locked");
    expect(parseApplicantListParams({ status: "LOCKED" }).status).toBe("all");
    expect(parseApplicationListParams({ status: "withdrawn" }).status).toBe("withdrawn");
    expect(parseApplicationListParams({ status: "draft" }).status).toBe("all");
    expect(parseApplicationListParams({}).status).toBe("all");
  });

  it("reads 申請一覧's 支払状況, falling back to 支払済み (the review queue)", () => {
    expect(parseApplicationListParams({}).payment).toBe("paid");
    expect(parseApplicationListParams({ payment: "all" }).payment).toBe("all");
    expect(parseApplicationListParams({ payment: ["refunded", "all"] }).payment).toBe("refunded");
    expect(parseApplicationListParams({ payment: "PAID" }).payment).toBe("paid");
    expect(staffListHref("/staff/applications", { q: "", status: "all", payment: "paid" })).toBe(
      "/staff/applications",
    );
    expect(staffListHref("/staff/applications", { q: "", status: "all", payment: "all", cursor: "c" })).toBe(
      "/staff/applications?payment=all&cursor=c",
    );
  });

  it("builds list URLs without the defaults", () => {
    expect(staffListHref("/staff/applicants", { q: "", status: "all" })).toBe("/staff/applicants");
    expect(staffListHref("/staff/applications", { q: "山田 太郎", status: "returned", cursor: "abc" })).toBe(
      "/staff/applications?q=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&status=returned&cursor=abc",
    );
  });
});

describe("list cursors", () => {
  it("round-trips the direction, the sort key to the millisecond and the id", () => {
    const cursor = {
      direction: "before" as const,
      sortKey: new Date("2026-11-26T01:02:03.456Z"),
      id: "0b7c4f0e-8d2a-4c1b-9f3e-5a6b7c8d9e0f",
    };
    const text = encodeListCursor(cursor);
    expect(text).toMatch(/^[\w-]+$/);
    expect(decodeListCursor(text)).toEqual(cursor);
  });

  it("reads anything else as no cursor", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const text of [
      undefined,
      "",
      "!!",
      "bm90IGpzb24",
      encode({ d: "a", t: "2026-11-26", i: "x" }),
      encode([1]),
    ]) {
      expect(decodeListCursor(text)).toBeNull();
    }
  });

  it("escapes LIKE wildcards in a prefix", () => {
    expect(startsWithPattern("50%_off\\")).toBe("50\\%\\_off\\\\%");
  });
});
