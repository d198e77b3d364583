// The schemas of values that many templates' data share.
import { z } from "zod";

/** A date of template data: a Date, or its ISO 8601 form as it comes back from JSON stored in the outbox. */
export const emailDateSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/** An absolute http(s) URL (the login page link). */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * A fee not yet paid and its 支払期限: the data of the reminder before it (payment-reminder) and
 * of the email after it passed (payment-expired).
 */
export const paymentDueEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  dueAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentDueEmailData = z.output<typeof paymentDueEmailSchema>;
