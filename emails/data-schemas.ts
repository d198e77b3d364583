// The schemas of values that many templates' data share.
import { z } from "zod";

/** A date of template data: a Date, or its ISO 8601 form as it comes back from JSON stored in the outbox. */
export const emailDateSchema = z.union([
  z.date(),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
]);

/** An absolute http(s) URL (the login page link). */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });
