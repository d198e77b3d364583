// GET /__test__/mail/wait?to=&subject=&ns=&after=&timeout= (issue 10): waits on the server for a
// captured email and answers it as api/v1/message/{ID} does, plus its parsed "fields" (申請ログインID,
// 申請用パスワード, 申請用ログインURL, 申請番号, 技能者ID, 不備 items); 408 {"error":"timeout"}.
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError, nsSchema } from "@/lib/test-kit/kit-json";
import { toMessage, waitForMessage } from "@/lib/test-kit/mailpit";
import { parseMailFields } from "@/lib/test-kit/mail-fields";

export const dynamic = "force-dynamic";

const MAX_WAIT_MS = 60_000;

const waitSchema = z.object({
  to: z.string().trim().min(1).max(254).optional(),
  subject: z.string().min(1).max(500).optional(),
  ns: nsSchema.optional(),
  after: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  timeout: z.coerce.number().int().min(0).max(MAX_WAIT_MS).default(10_000),
});

export async function GET(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const parsed = waitSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return kitZodError(parsed.error);
    const { timeout, ...criteria } = parsed.data;
    const row = await waitForMessage(criteria, { timeoutMs: timeout, signal: request.signal });
    if (!row) return kitJson({ error: "timeout" }, 408);
    return kitJson({ ...toMessage(row), fields: parseMailFields(row) });
  });
}
