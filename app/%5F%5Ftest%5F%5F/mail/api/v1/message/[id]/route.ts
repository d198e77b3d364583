// Mailpit API v1 (issue 10): one captured email by its ID, or "latest"; marks it read.
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson } from "@/lib/test-kit/kit-json";
import { readMessage } from "@/lib/test-kit/mailpit";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  requireTestKit(request);
  return kitHandle(async () => {
    const { id } = await params;
    const message = await readMessage(id);
    if (!message) return kitJson({ error: "message not found" }, 404);
    return kitJson(message);
  });
}
