import { describe, it, expect } from "vitest";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_LENGTH } from "@/lib/auth/temp-password";
import { checkPasswordPolicy, PASSWORD_SYMBOLS } from "@/lib/schemas/password";
import { isWellKnownPassword } from "@/lib/auth/well-known-passwords";

describe("generateTemporaryPassword", () => {
  const passwords = Array.from({ length: 2_000 }, () => generateTemporaryPassword());

  it("always satisfies the password policy and is never well-known", () => {
    for (const pw of passwords) {
      expect(checkPasswordPolicy(pw, {})).toEqual([]);
      expect(isWellKnownPassword(pw)).toBe(false);
    }
  });

  it("is 12 characters with all four kinds", () => {
    expect(TEMPORARY_PASSWORD_LENGTH).toBe(12);
    for (const pw of passwords) {
      expect(pw).toHaveLength(12);
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[0-9]/);
      expect(Array.from(pw).some((ch) => PASSWORD_SYMBOLS.includes(ch))).toBe(true);
    }
  });

  it("has no ambiguous or email-unfriendly characters", () => {
    for (const pw of passwords) {
      expect(pw).not.toMatch(/[0Oo1lI|`\\,]/);
      expect(pw).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it("never repeats", () => {
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it("does not pin a kind to a position (the shuffle covers every place)", () => {
    for (let position = 0; position < 12; position += 1) {
      const kinds = new Set(
        passwords.map((pw) => {
          const ch = pw.charAt(position);
          if (/[A-Z]/.test(ch)) return "upper";
          if (/[a-z]/.test(ch)) return "lower";
          if (/[0-9]/.test(ch)) return "digit";
          return "symbol";
        }),
      );
      expect(kinds.size).toBe(4);
    }
  });
});
