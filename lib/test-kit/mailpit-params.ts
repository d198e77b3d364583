// Query parameters shared by the kit's Mailpit list and search routes.
import { z } from "zod";
import { nsSchema } from "@/lib/test-kit/kit-json";

export const pageSchema = z.object({
  start: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  /** Not Mailpit's: only one test namespace's emails. */
  ns: nsSchema.optional(),
});
