// Faults per test namespace (issue 10, POST /__test__/faults): SMTP answering 4xx/5xx or hanging
// for the namespace's addresses, a named server action or the image upload slow or failing, and
// the 郵便番号 lookup down. Stored in test_namespace.faults; read through the namespace cache of
// lib/test-kit/clock.ts. Every hook answers at once (one env check) while test mode is off.
import { z } from "zod";
import { isTestMode } from "@/lib/env";
import { currentTestNamespace, testNamespaceSchema } from "@/lib/test-kit/request-namespace";
import { freshNamespaceSettings, rememberNamespaceSettings } from "@/lib/test-kit/clock";

/** Longest delay a fault may ask for (a test waiting longer has a bug). */
export const MAX_FAULT_DELAY_MS = 60_000;

const delaySchema = z.strictObject({ delayMs: z.number().int().min(0).max(MAX_FAULT_DELAY_MS) });
const failSchema = z.strictObject({ fail: z.literal(true) });
const slowOrFail = z.union([delaySchema, failSchema]);

export const smtpFaultSchema = z.strictObject({
  mode: z.enum(["4xx", "5xx", "hang"]),
  /** For "hang": how long the connection seems to hang before the timeout error (default 2000 ms). */
  hangMs: z.number().int().min(0).max(MAX_FAULT_DELAY_MS).optional(),
});

/** Payment (issue 12): the sandbox provider down, and how its webhooks reach the server. */
export const paymentsFaultSchema = z.strictObject({
  providerDown: z.literal(true).optional(),
  webhooks: z.enum(["drop", "duplicate", "shuffle"]).optional(),
});

const ACTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** The body of POST /__test__/faults: each key merges into what is set, `null` clears it. */
export const faultsRequestSchema = z.strictObject({
  ns: testNamespaceSchema,
  smtp: smtpFaultSchema.nullable().optional(),
  actions: z
    .record(
      z.string().regex(ACTION_NAME, "an action's export name, e.g. saveEmployerAction"),
      slowOrFail.nullable(),
    )
    .nullable()
    .optional(),
  uploads: slowOrFail.nullable().optional(),
  postalLookup: z.literal("fail").nullable().optional(),
  payments: paymentsFaultSchema.nullable().optional(),
});

export type FaultsRequest = z.output<typeof faultsRequestSchema>;

export interface Faults {
  smtp?: z.output<typeof smtpFaultSchema>;
  actions?: Record<string, { delayMs: number } | { fail: true }>;
  uploads?: { delayMs: number } | { fail: true };
  postalLookup?: "fail";
  payments?: z.output<typeof paymentsFaultSchema>;
}

const storedFaultsSchema = z
  .object({
    smtp: smtpFaultSchema.optional(),
    actions: z.record(z.string(), slowOrFail).optional(),
    uploads: slowOrFail.optional(),
    postalLookup: z.literal("fail").optional(),
    payments: paymentsFaultSchema.optional().catch(undefined),
  })
  .catch({});

/** What is stored, read defensively (anything unreadable is no fault). */
export function readFaults(value: unknown): Faults {
  return storedFaultsSchema.parse(value ?? {});
}

/** Merges a request into the faults in force: a given key replaces, `null` removes. */
export function mergeFaults(current: Faults, request: Omit<FaultsRequest, "ns">): Faults {
  const next: Faults = { ...current };
  if (request.smtp === null) delete next.smtp;
  else if (request.smtp !== undefined) next.smtp = request.smtp;
  if (request.uploads === null) delete next.uploads;
  else if (request.uploads !== undefined) next.uploads = request.uploads;
  if (request.postalLookup === null) delete next.postalLookup;
  else if (request.postalLookup !== undefined) next.postalLookup = request.postalLookup;
  if (request.payments === null) delete next.payments;
  else if (request.payments !== undefined) next.payments = request.payments;
  if (request.actions === null) delete next.actions;
  else if (request.actions !== undefined) {
    const actions = { ...(current.actions ?? {}) };
    for (const [name, fault] of Object.entries(request.actions)) {
      if (fault === null) delete actions[name];
      else actions[name] = fault;
    }
    if (Object.keys(actions).length === 0) delete next.actions;
    else next.actions = actions;
  }
  return next;
}

export interface FaultsAnswer {
  ns: string;
  faults: Faults;
}

async function writeFaults(ns: string, faults: Faults): Promise<FaultsAnswer> {
  const { db } = await import("@/lib/db");
  const row = await db.testNamespace.upsert({
    where: { ns },
    create: { ns, faults: faults as object },
    update: { faults: faults as object },
    select: { clockOffsetMs: true, faults: true },
  });
  rememberNamespaceSettings(ns, {
    offsetMs: row.clockOffsetMs === null ? 0 : Number(row.clockOffsetMs),
    faults: row.faults as Record<string, unknown>,
  });
  return { ns, faults: readFaults(row.faults) };
}

export async function setNamespaceFaults(request: FaultsRequest): Promise<FaultsAnswer> {
  const { ns, ...changes } = request;
  const { db } = await import("@/lib/db");
  const row = await db.testNamespace.findUnique({ where: { ns }, select: { faults: true } });
  return writeFaults(ns, mergeFaults(readFaults(row?.faults), changes));
}

export async function getNamespaceFaults(ns: string): Promise<FaultsAnswer> {
  const { db } = await import("@/lib/db");
  const row = await db.testNamespace.findUnique({ where: { ns }, select: { faults: true } });
  return { ns, faults: readFaults(row?.faults) };
}

export async function clearNamespaceFaults(ns: string): Promise<FaultsAnswer> {
  const { db } = await import("@/lib/db");
  const exists = await db.testNamespace.findUnique({ where: { ns }, select: { ns: true } });
  if (!exists) return { ns, faults: {} };
  return writeFaults(ns, {});
}

/** The faults of a namespace (fresh within the cache TTL), or none. */
export async function faultsOf(ns: string | null): Promise<Faults> {
  if (ns === null) return {};
  return readFaults((await freshNamespaceSettings(ns)).faults);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thrown by a failing action fault: the action fails as on any server error. */
export class TestFaultError extends Error {
  constructor(what: string) {
    super(`test fault: ${what}`);
    this.name = "TestFaultError";
  }
}

/**
 * The first line of every server action in lib/actions/. With a fault set for the request's
 * namespace, waits `delayMs` or throws (the action then fails as on a database error, and the user
 * sees the same message). With test mode off: one env check, nothing else.
 */
export async function applyActionFault(actionName: string): Promise<void> {
  if (!isTestMode()) return;
  const ns = currentTestNamespace();
  if (ns === null) return;
  const fault = (await faultsOf(ns)).actions?.[actionName];
  if (!fault) return;
  if ("delayMs" in fault) await sleep(fault.delayMs);
  else throw new TestFaultError(actionName);
}

/**
 * Before an image is stored: waits, or answers true when the save must fail (the caller then
 * answers its ordinary "could not save" message).
 */
export async function uploadFaultFails(): Promise<boolean> {
  if (!isTestMode()) return false;
  const ns = currentTestNamespace();
  if (ns === null) return false;
  const fault = (await faultsOf(ns)).uploads;
  if (!fault) return false;
  if ("delayMs" in fault) {
    await sleep(fault.delayMs);
    return false;
  }
  return true;
}

/** True when the 郵便番号 lookup must answer as if it were down. */
export async function postalLookupFails(): Promise<boolean> {
  if (!isTestMode()) return false;
  const ns = currentTestNamespace();
  if (ns === null) return false;
  return (await faultsOf(ns)).postalLookup === "fail";
}

/** True when the payment sandbox must answer as if it were down (the namespace's fault). */
export async function paymentProviderDown(): Promise<boolean> {
  if (!isTestMode()) return false;
  const ns = currentTestNamespace();
  if (ns === null) return false;
  return (await faultsOf(ns)).payments?.providerDown === true;
}

/** An SMTP error as nodemailer reports it (message, code, responseCode). */
export class SmtpFaultError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "SmtpFaultError";
  }
}

/** Default wait of the "hang" fault before its timeout error (shorter than the transport's). */
export const DEFAULT_SMTP_HANG_MS = 2000;

/**
 * Applies the namespace's SMTP fault to one email: throws as the SMTP server would have made the
 * transport throw (so the outbox's ordinary retry path records it), or returns.
 */
export async function applySmtpFault(ns: string | null): Promise<void> {
  const fault = (await faultsOf(ns)).smtp;
  if (!fault) return;
  switch (fault.mode) {
    case "4xx":
      throw new SmtpFaultError(
        "Can't send mail - all recipients were rejected: 451 4.3.0 Temporary local problem, try again later (test fault)",
        "EENVELOPE",
        451,
      );
    case "5xx":
      throw new SmtpFaultError(
        "Can't send mail - all recipients were rejected: 550 5.1.1 Mailbox unavailable (test fault)",
        "EENVELOPE",
        550,
      );
    case "hang":
      await sleep(fault.hangMs ?? DEFAULT_SMTP_HANG_MS);
      throw new SmtpFaultError("Greeting never received (test fault: SMTP hang)", "ETIMEDOUT");
  }
}
