// The server clock of a test namespace (issue 10): POST {"ns","now"} or {"ns","offsetSeconds"}
// sets it (stored as an offset, so time keeps running), GET ?ns= reads it, DELETE ?ns= goes back
// to real time. Answers {"ns","now","offsetSeconds"}.
import { z } from "zod";
import { requireTestKit } from "@/lib/test-kit/gate";
import {
  kitHandle,
  kitJson,
  kitZodError,
  nsSchema,
  readJsonBody,
  readNamespaceQuery,
} from "@/lib/test-kit/kit-json";
import { getNamespaceClock, offsetFor, setNamespaceClock } from "@/lib/test-kit/clock";

export const dynamic = "force-dynamic";

/** About ±100 years: anything further is a mistake in the test. */
const MAX_OFFSET_SECONDS = 100 * 366 * 86_400;

const setSchema = z.union([
  z.strictObject({ ns: nsSchema, now: z.iso.datetime({ offset: true }) }),
  z.strictObject({
    ns: nsSchema,
    offsetSeconds: z.number().finite().min(-MAX_OFFSET_SECONDS).max(MAX_OFFSET_SECONDS),
  }),
]);

export async function POST(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const parsed = setSchema.safeParse(read.body);
    if (!parsed.success) return kitZodError(parsed.error);
    const body = parsed.data;
    const offsetMs =
      "now" in body ? offsetFor(new Date(body.now), Date.now()) : Math.round(body.offsetSeconds * 1000);
    if (Math.abs(offsetMs) > MAX_OFFSET_SECONDS * 1000) {
      return kitJson({ error: "now is too far from the real time", issues: [] }, 400);
    }
    return kitJson(await setNamespaceClock(body.ns, offsetMs));
  });
}

export async function GET(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const query = readNamespaceQuery(request);
    if (!query.ok) return query.response;
    return kitJson(await getNamespaceClock(query.ns));
  });
}

export async function DELETE(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const query = readNamespaceQuery(request);
    if (!query.ok) return query.response;
    return kitJson(await setNamespaceClock(query.ns, null));
  });
}
