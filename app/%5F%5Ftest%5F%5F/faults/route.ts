// Faults of a test namespace (issue 10): POST merges {"ns", "smtp", "actions", "uploads",
// "postalLookup"} into what is set (null clears one), GET ?ns= reads, DELETE ?ns= clears all.
// Answers {"ns","faults"}.
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson, kitZodError, readJsonBody, readNamespaceQuery } from "@/lib/test-kit/kit-json";
import {
  clearNamespaceFaults,
  faultsRequestSchema,
  getNamespaceFaults,
  setNamespaceFaults,
} from "@/lib/test-kit/faults";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const parsed = faultsRequestSchema.safeParse(read.body);
    if (!parsed.success) return kitZodError(parsed.error);
    return kitJson(await setNamespaceFaults(parsed.data));
  });
}

export async function GET(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const query = readNamespaceQuery(request);
    if (!query.ok) return query.response;
    return kitJson(await getNamespaceFaults(query.ns));
  });
}

export async function DELETE(request: Request) {
  requireTestKit(request);
  return kitHandle(async () => {
    const query = readNamespaceQuery(request);
    if (!query.ok) return query.response;
    return kitJson(await clearNamespaceFaults(query.ns));
  });
}
