// POST /__test__/reset (issue 10): {"ns"} removes that namespace's data; {} everything the kit
// may remove (never the operator's own staff accounts).
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError, nsSchema, readJsonBody } from "@/lib/test-kit/kit-json";
import { resetTestData } from "@/lib/test-kit/reset";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ ns: nsSchema.optional() }).optional();

export async function POST(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const parsed = bodySchema.safeParse(read.body);
    if (!parsed.success) return kitZodError(parsed.error);
    return kitJson(await resetTestData(parsed.data?.ns ?? null));
  });
}
