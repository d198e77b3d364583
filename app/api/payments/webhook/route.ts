// The payment provider's webhook (issue 12): the raw body is verified by the provider's adapter
// (signature, timestamp tolerance), then recorded once per event id and applied by the payment
// state machine in one transaction. Answers: 400 for anything unverified (nothing stored), 200 for
// every verified event (a repeat or an event about no payment of ours too), 503 only when our
// side fails, so that the provider delivers it again later.
import { now } from "@/lib/clock";
import { WebhookVerificationError } from "@/lib/payments/provider";
import { getPaymentProvider } from "@/lib/payments/providers";
import { applyProviderEvent } from "@/lib/payments/service";
import { requestLog } from "@/lib/log";

export const dynamic = "force-dynamic";

const json = (body: object, status: number) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const logger = requestLog(request.headers).with({ route: "payments-webhook" });
  let provider;
  try {
    provider = getPaymentProvider();
  } catch (error) {
    logger.error("payments webhook: provider not configured", { error: (error as Error).message });
    return json({ error: "payments-not-configured" }, 503);
  }
  const rawBody = await request.text();
  let event;
  try {
    event = provider.parseWebhook(rawBody, request.headers, now());
  } catch (error) {
    if (error instanceof WebhookVerificationError) return json({ error: "verification-failed" }, 400);
    logger.error("payments webhook: unreadable event", { errorName: (error as Error).name });
    return json({ error: "verification-failed" }, 400);
  }
  try {
    const result = await applyProviderEvent(event, provider.name);
    return json({ received: true, outcome: result.outcome }, 200);
  } catch (error) {
    logger.error("payments webhook: event not applied", {
      eventId: event.id,
      error: (error as Error).message.slice(0, 300),
    });
    return json({ error: "temporarily-unavailable" }, 503);
  }
}
