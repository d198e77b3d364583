// Mailpit API v1 (issue 10): GET lists captured emails newest first (MessagesSummary), DELETE
// removes the given IDs, or all (only one namespace's with ?ns=). Bearer token only (proxy.ts gate).
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError, nsSchema, readJsonBody } from "@/lib/test-kit/kit-json";
import { deleteMessages, listMessages } from "@/lib/test-kit/mailpit";
import { pageSchema } from "@/lib/test-kit/mailpit-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const params = new URL(request.url).searchParams;
    const page = pageSchema.safeParse(Object.fromEntries(params));
    if (!page.success) return kitZodError(page.error);
    const { start, limit, ns } = page.data;
    return kitJson(await listMessages({ start, limit, where: ns === undefined ? {} : { ns } }));
  });
}

const deleteSchema = z.object({ IDs: z.array(z.uuid()).max(10_000).optional() }).optional();

export async function DELETE(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const nsParam = new URL(request.url).searchParams.get("ns");
    const ns = nsParam === null ? undefined : nsSchema.safeParse(nsParam);
    if (ns && !ns.success) return kitZodError(ns.error);
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const body = deleteSchema.safeParse(read.body ?? undefined);
    if (!body.success) return kitZodError(body.error);
    await deleteMessages({ ids: body.data?.IDs, ns: ns?.data });
    return new Response("ok", {
      status: 200,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  });
}
