// Mailpit API v1 search (issue 10): ?query= in Mailpit's syntax (subset: to:, from:, subject:,
// quoted phrases, bare words in the subject or text, - to negate), start, limit; newest first.
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError } from "@/lib/test-kit/kit-json";
import { listMessages, parseSearchQuery, searchWhere } from "@/lib/test-kit/mailpit";
import { pageSchema } from "@/lib/test-kit/mailpit-params";

export const dynamic = "force-dynamic";

const searchSchema = pageSchema.extend({ query: z.string().max(2000).default("") });

export async function GET(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const parsed = searchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return kitZodError(parsed.error);
    const { start, limit, ns, query } = parsed.data;
    const where = searchWhere(parseSearchQuery(query));
    return kitJson(
      await listMessages({ start, limit, where: ns === undefined ? where : { AND: [where, { ns }] } }),
    );
  });
}
