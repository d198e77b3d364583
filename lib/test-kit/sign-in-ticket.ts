// One-time sign-in URLs of the test kit (issue 10): a 256-bit random ticket, stored only as its
// SHA-256 in test_sign_in_ticket, valid 10 minutes, used once.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { SessionRole } from "@/lib/generated/prisma/client";

export const SIGN_IN_TICKET_TTL_MS = 10 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Makes a ticket and answers its URL (with ?next= the landing path). */
export async function createSignInTicket(input: {
  ns: string;
  role: SessionRole;
  accountId: string;
  landingPath: string;
}): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  await db.testSignInTicket.create({
    data: {
      tokenHash: sha256(ticket),
      ns: input.ns,
      role: input.role,
      accountId: input.accountId,
      // Real time: a ticket is the kit's own credential, not something a namespace's clock moves.
      expiresAt: new Date(Date.now() + SIGN_IN_TICKET_TTL_MS),
    },
  });
  const next = encodeURIComponent(input.landingPath);
  return `${getEnv().APP_URL}/__test__/sign-in/${ticket}?next=${next}`;
}

/**
 * Whether a ticket can still be taken (proxy.ts asks, so that a used, expired or made-up ticket
 * gets the ordinary 404 page); a failing database counts as no.
 */
export async function isLiveSignInTicket(ticket: string): Promise<boolean> {
  try {
    const found = await db.testSignInTicket.count({
      where: { tokenHash: sha256(ticket), usedAt: null, expiresAt: { gt: new Date() } },
    });
    return found === 1;
  } catch {
    return false;
  }
}

/** Takes a ticket once: its namespace and account, or null when unknown, used or expired. */
export async function consumeSignInTicket(
  ticket: string,
): Promise<{ ns: string; role: SessionRole; accountId: string } | null> {
  const at = new Date();
  const rows = await db.testSignInTicket.updateManyAndReturn({
    where: { tokenHash: sha256(ticket), usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
    select: { ns: true, role: true, accountId: true },
  });
  return rows[0] ?? null;
}

/** `?next=`: a same-origin path only (no scheme, no //host, no backslash), else the default. */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  if (next.toLowerCase().startsWith("/__test__")) return fallback;
  return next;
}
