// normalizeSearchQuery: what the staff search boxes make of a code or an address typed on a
// Japanese keyboard.
import { describe, expect, it } from "vitest";
import { normalizeSearchQuery } from "@/lib/staff/search-query";
import { parseAuditSearchParams } from "@/lib/audit/audit-search-params";

/** Typed → searched. */
const READINGS: Readonly<Record<string, string>> = {
  // Full-width letters, digits and ＠ become half-width.
  "ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ": "TARO@example.jp",
  "１２３４５６７８９０１２３４": "12345678901234",
  // Hyphen-like characters, and ー after a digit, are a hyphen; ー in a word stays.
  "２０２６１１２６－０００００１": "20261126-000001",
  "20261126ー1": "20261126-1",
  "20261126‐1": "20261126-1",
  センター: "センター",
  // White space (full-width too) collapses to one space, and the ends are trimmed.
  "　1234　 5678 ": "1234 5678",
  "": "",
};

describe("normalizeSearchQuery", () => {
  it("reads codes and addresses as they are stored", () => {
    const read = Object.keys(READINGS).map((typed) => [typed, normalizeSearchQuery(typed)]);
    expect(Object.fromEntries(read)).toEqual(READINGS);
  });

  it("is what the 操作ログ search reads its 実行者 and 対象ID with", () => {
    const { values } = parseAuditSearchParams({
      actor: " ｓｔａｆｆ＠ｅｘａｍｐｌｅ．ｊｐ　",
      target: "１２３４－５６",
    });
    expect(values).toMatchObject({ actor: "staff@example.jp", target: "1234-56" });
  });
});
