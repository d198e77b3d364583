import { describe, it, expect } from "vitest";
import { generateLoginId, isLoginId, LOGIN_ID_PATTERN } from "@/lib/auth/login-id";

describe("generateLoginId", () => {
  const ids = Array.from({ length: 10_000 }, () => generateLoginId());

  it("gives 14 half-width digits ending in 21", () => {
    for (const id of ids) {
      expect(id).toMatch(/^[0-9]{14}$/);
      expect(id.endsWith("21")).toBe(true);
      expect(isLoginId(id)).toBe(true);
    }
  });

  it("never repeats in 10,000 generations", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("spreads digits roughly evenly over every random position", () => {
    for (let position = 0; position < 12; position += 1) {
      const counts = new Array<number>(10).fill(0);
      for (const id of ids) {
        const digit = Number(id[position]);
        counts[digit] = (counts[digit] ?? 0) + 1;
      }
      // Expected 1,000 each; ±25% is far outside chance (σ ≈ 30).
      for (const count of counts) {
        expect(count).toBeGreaterThan(750);
        expect(count).toBeLessThan(1_250);
      }
    }
  });
});

describe("isLoginId", () => {
  it.each([
    ["12345678901221", true],
    ["00000000000021", true],
    ["12345678901222", false],
    ["1234567890121", false],
    ["123456789012211", false],
    ["１２３４５６７８９０１２２１", false],
    [" 12345678901221", false],
    ["1234567890a221", false],
  ])("%j → %s", (value, expected) => {
    expect(isLoginId(value)).toBe(expected);
    expect(LOGIN_ID_PATTERN.test(value)).toBe(expected);
  });
});
