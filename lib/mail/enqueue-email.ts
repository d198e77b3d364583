// Writes an email to the transactional outbox. Call it with the transaction client of the change
// that causes the email, so both commit or neither does.
// The language (issue 15) is fixed here, when the email is written: the caller's `locale` (the
// page a request came from), else the applicant's preferred language as it is now, else Japanese.
// The worker renders it later in that language (emails/registry.ts renderTemplateIn).
import type { DbClient } from "@/lib/db";
import { withEmailLocale, type EmailTemplateName } from "@/emails/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { sealSecret } from "@/lib/mail/secret-box";

type OutboxClient = Pick<DbClient, "emailOutbox" | "applicant">;

/** The language of an email: `locale` if given, else the applicant's preferred one, else Japanese. */
async function emailLocale(
  client: OutboxClient,
  email: { locale?: Locale | null; applicantId?: string },
): Promise<Locale> {
  if (email.locale) return email.locale;
  if (!email.applicantId) return DEFAULT_LOCALE;
  const applicant = await client.applicant.findUnique({
    where: { id: email.applicantId },
    select: { preferredLocale: true },
  });
  return isLocale(applicant?.preferredLocale) ? applicant.preferredLocale : DEFAULT_LOCALE;
}

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
    /** The language chosen by the caller (the page of the request); wins over the applicant's. */
    locale?: Locale | null;
    /** The recipient applicant, whose preferred language (applicant.preferred_locale) is used. */
    applicantId?: string;
  },
): Promise<string> {
  const locale = await emailLocale(client, email);
  const row = await client.emailOutbox.create({
    data: {
      template: email.template,
      toAddress: email.to,
      payload: withEmailLocale(email.data, locale),
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
