// 登録料 (税込): the one place fees are set; every page that shows a fee formats it from here.
export const registrationFees = {
  simple: 2500,
  detailed: 4900,
  upgrade: 2400,
} as const;

export type RegistrationFeeKind = keyof typeof registrationFees;

const yen = new Intl.NumberFormat("ja-JP");

/** 2500 → "2,500" (the digits of an amount; the applicant's pages put them into payment.money.yen). */
export function formatAmount(amount: number): string {
  return yen.format(amount);
}

/** 2500 → "2,500円" (Japanese only: staff pages, the receipt, the sandbox) */
export function formatYen(amount: number): string {
  return `${formatAmount(amount)}円`;
}
