// Writes an email to the transactional outbox. Call it with the transaction client of the change
// that causes the email, so both commit or neither does.
import type { DbClient } from "@/lib/db";
import type { EmailTemplateName } from "@/emails/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sealSecret } from "@/lib/mail/secret-box";

type OutboxClient = Pick<DbClient, "emailOutbox">;

export async function enqueueEmail(
  client: OutboxClient,
  email: {
    template: EmailTemplateName;
    to: string;
    /** Plain JSON (dates as ISO strings); the worker checks it against the template's schema. */
    data: Prisma.InputJsonObject;
    /** Merged into data at send time; stored encrypted and erased once sent. */
    secretData?: Record<string, string>;
    authSecret: string;
    at: Date;
  },
): Promise<string> {
  const row = await client.emailOutbox.create({
    data: {
      template: email.template,
      toAddress: email.to,
      payload: email.data,
      secretPayload: email.secretData ? sealSecret(email.secretData, email.authSecret) : null,
      createdAt: email.at,
      // Due at once for the worker, whose clock is the real time: a test namespace's clock set
      // ahead (issue 10) must not hold its emails back until the real time gets there.
      nextAttemptAt: email.at.getTime() < Date.now() ? email.at : new Date(),
    },
    select: { id: true },
  });
  return row.id;
}
