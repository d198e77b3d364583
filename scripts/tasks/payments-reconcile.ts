// `npm run payments:reconcile`: one round of the payment worker by hand (the server runs it every
// PAYMENT_WORKER_INTERVAL_MS): open payments are read from the provider and applied (a lost
// webhook), unpaid fees past their deadline expire, reminders go out.
import { runPaymentUpkeep } from "@/lib/payments/service";

const { reconciled, expired, reminded } = await runPaymentUpkeep();
console.log(
  `決済サービスに照会したお支払い: ${reconciled.checked} 件（状態が変わったもの ${reconciled.changed} 件、照会できなかったもの ${reconciled.failed} 件）`,
);
console.log(`期限切れにした登録料: ${expired} 件、お支払い期限の案内: ${reminded} 件`);
process.exit(reconciled.failed > 0 ? 1 : 0);
