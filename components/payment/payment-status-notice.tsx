// The one message at the top of the payment page that says where the applicant stands: paid,
// waiting, card declined (the provider's reason), expired (choose again), refunded, withdrawn.
import { Notice } from "@/components/ui/notice";
import type { PaymentOverview } from "@/lib/payments/service";

export function PaymentStatusNotice({ overview }: { overview: PaymentOverview }) {
  const { application, fee, payment } = overview;
  if (application.status === "WITHDRAWN") {
    return (
      <Notice tone="info" title="この申請は取り下げられています">
        {fee?.status === "REFUNDED" ? (
          <p>お支払いいただいた登録料は返金しました（返金済み）。</p>
        ) : (
          <p>登録料のお支払いは必要ありません。</p>
        )}
      </Notice>
    );
  }
  if (!fee) return null;
  switch (fee.status) {
    case "PAID":
      return (
        <Notice tone="success" title="お支払いが完了しました" role="status">
          <p>登録料のお支払いを確認しました（支払済み）。登録事務局が申請内容を審査します。</p>
        </Notice>
      );
    case "REFUNDED":
      return (
        <Notice tone="info" title="登録料を返金しました">
          <p>お支払いいただいた登録料は返金しました（返金済み）。</p>
        </Notice>
      );
    case "CANCELED":
      return (
        <Notice tone="info" title="お支払いは取り消されました">
          <p>登録料のお支払いは必要ありません。</p>
        </Notice>
      );
    case "EXPIRED":
      return (
        <Notice tone="warning" title="支払期限を過ぎました">
          <p>
            お支払いが確認できないまま支払期限を過ぎました（期限切れ）。もう一度お支払い方法を選ぶと、新しい支払期限でお支払いいただけます。
          </p>
        </Notice>
      );
    case "UNPAID":
      break;
  }
  if (payment?.status === "PENDING" && payment.method === "CARD" && payment.lastErrorMessage) {
    return (
      <Notice tone="error" title="カードでのお支払いができませんでした" role="alert">
        <p>{payment.lastErrorMessage}</p>
        <p>別のカードを使うか、お支払い方法を選び直して、もう一度お試しください。</p>
      </Notice>
    );
  }
  if (payment?.status === "FLAGGED") {
    return (
      <Notice tone="warning" title="お支払いを確認しています">
        <p>お支払いの内容を登録事務局で確認しています。確認が終わるまでお待ちください。</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" title="登録料をお支払いください">
      <p>支払期限までにお支払いください。お支払いが確認できてから審査が始まります。</p>
    </Notice>
  );
}
