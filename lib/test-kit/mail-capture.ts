// Mail capture of the test kit (issue 10): while test mode is on, the outbox worker
// (lib/mail/outbox-worker.ts) asks `beforeTestSend` before handing an email to the transport
// (the namespace's SMTP fault, if any, throws there, into the worker's ordinary retry path) and
// `captureSentEmail` after the transport took it, whatever the transport: what was actually sent
// is written to test_captured_email for /__test__/mail/. Never called with test mode off.
import { db } from "@/lib/db";
import { applySmtpFault } from "@/lib/test-kit/faults";

/** The test namespace of the applicant or staff member an address belongs to, or null. */
export async function namespaceOfAddress(address: string): Promise<string | null> {
  const email = address.trim();
  const applicant = await db.applicant.findFirst({
    where: { email: { equals: email, mode: "insensitive" }, testNamespace: { not: null } },
    select: { testNamespace: true },
    orderBy: { issuedAt: "desc" },
  });
  if (applicant?.testNamespace) return applicant.testNamespace;
  const staff = await db.staffUser.findFirst({
    where: { email: { equals: email, mode: "insensitive" }, testNamespace: { not: null } },
    select: { testNamespace: true },
  });
  return staff?.testNamespace ?? null;
}

/** Before sending: the recipient's namespace; throws the namespace's SMTP fault, if one is set. */
export async function beforeTestSend(to: string): Promise<string | null> {
  const ns = await namespaceOfAddress(to);
  await applySmtpFault(ns);
  return ns;
}

export interface SentEmail {
  ns: string | null;
  outboxId: string | null;
  template: string | null;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Keeps a copy of an email the transport accepted. */
export async function captureSentEmail(email: SentEmail): Promise<void> {
  await db.testCapturedEmail.create({
    data: {
      ns: email.ns,
      outboxId: email.outboxId,
      template: email.template?.slice(0, 64) ?? null,
      messageId: email.messageId.slice(0, 255) || null,
      fromAddress: email.from.slice(0, 320),
      toAddress: email.to.slice(0, 254),
      subject: email.subject.slice(0, 500),
      text: email.text,
      html: email.html,
    },
  });
}
