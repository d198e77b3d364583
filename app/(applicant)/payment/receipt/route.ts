// 領収書 (PDF) of the signed-in applicant's own paid fee. The session is checked here (the proxy
// only redirects when there is no cookie at all); anything but a paid fee of one's own answers the
// same 404, so the answer never tells what another application holds.
import { getCurrentApplicant } from "@/lib/dal/session";
import { loadPaymentOverview } from "@/lib/payments/service";
import { paymentMethodText } from "@/lib/payments/payment-method-text";
import { renderReceiptPdf } from "@/lib/payments/receipt-pdf";

const RECEIPT_ISSUER = "一般財団法人建設業振興基金 建設キャリアアップシステム";

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

function notFound(): Response {
  return new Response("Not Found", {
    status: 404,
    headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** A relative Location: the browser may know this site by another host than the server. */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { ...privateHeaders, Location: path } });
}

export async function GET() {
  const current = await getCurrentApplicant();
  if (!current) return seeOther("/login?reason=signed-out");
  if (current.applicant.mustChangePassword) return seeOther("/password/change");
  const overview = await loadPaymentOverview(current.applicant.id);
  const payment = overview?.payment;
  const paidAt = payment?.paidAt ?? overview?.fee?.paidAt;
  if (!overview?.receiptAvailable || !payment || !paidAt) return notFound();
  const { applicationNumber, applicantName } = overview.application;
  const bytes = await renderReceiptPdf({
    receiptNumber: `${applicationNumber}-${payment.id.slice(0, 8).toUpperCase()}`,
    applicationNumber,
    applicantName,
    amount: payment.amount,
    method: paymentMethodText(payment),
    paidAt,
    issuer: RECEIPT_ISSUER,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...privateHeaders,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="receipt-${applicationNumber}.pdf"`,
    },
  });
}
