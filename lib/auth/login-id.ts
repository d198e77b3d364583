// 申請ログインID: 12 random digits and the technician suffix "21", 14 half-width digits in all.
// Uniqueness is the caller's job: insert, and on a unique violation generate again.
import { randomInt } from "node:crypto";

const RANDOM_DIGITS = 12;
export const TECHNICIAN_SUFFIX = "21";
export const LOGIN_ID_PATTERN = /^\d{12}21$/;

export function generateLoginId(): string {
  let digits = "";
  for (let i = 0; i < RANDOM_DIGITS; i += 1) {
    digits += String(randomInt(0, 10));
  }
  return digits + TECHNICIAN_SUFFIX;
}

export function isLoginId(value: string): boolean {
  return LOGIN_ID_PATTERN.test(value);
}
