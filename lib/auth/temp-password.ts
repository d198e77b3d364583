// 申請用パスワード: generated with a CSPRNG and sent by email, so it avoids characters that
// are easy to misread (0 O o 1 l I |) or that mail clients and readers mangle (` \ , . and quotes).
import { randomInt } from "node:crypto";
import { checkPasswordPolicy, PASSWORD_SYMBOLS } from "@/lib/schemas/password";

export const TEMPORARY_PASSWORD_LENGTH = 12;

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!$%*+-=?@^_~";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

// Guard against someone widening SYMBOLS with a character the policy refuses.
for (const ch of SYMBOLS) {
  if (!PASSWORD_SYMBOLS.includes(ch)) throw new Error(`temp-password: symbol ${ch} is not allowed`);
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(0, alphabet.length));
}

/** Fisher–Yates with a CSPRNG: every order equally likely. */
function shuffle(chars: string[]): string[] {
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(0, i + 1);
    const a = chars[i];
    const b = chars[j];
    if (a === undefined || b === undefined) throw new Error("unreachable: index out of range");
    chars[i] = b;
    chars[j] = a;
  }
  return chars;
}

function candidate(): string {
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(pick(ALL));
  return shuffle(chars).join("");
}

/** 12 characters with all four kinds; always passes the password policy. */
export function generateTemporaryPassword(): string {
  // A random candidate practically never fails (only a guessable fragment could), but the
  // loop makes "always passes the policy" a guarantee rather than a likelihood.
  for (;;) {
    const password = candidate();
    if (checkPasswordPolicy(password).length === 0) return password;
  }
}
