// GET /__test__/applicants/{loginId} (issue 10): account, application, emails, 通知 and audit
// events of one applicant, for assertions a page cannot show.
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle, kitJson } from "@/lib/test-kit/kit-json";
import { findApplicantState } from "@/lib/test-kit/state";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ loginId: string }> }) {
  requireTestKit(request);
  return kitHandle(async () => {
    const { loginId } = await context.params;
    if (!/^\d{14}$/.test(loginId)) return kitJson({ error: "not found" }, 404);
    const state = await findApplicantState(loginId);
    return state ? kitJson(state) : kitJson({ error: "not found" }, 404);
  });
}
