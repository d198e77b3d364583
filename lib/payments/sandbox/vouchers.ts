// Konbini and 払込票 numbers the sandbox issues, shaped like the real chains' (issue 12): セブン-イレブン
// prints a 13-digit 払込票番号 and needs nothing else; the other chains take a 受付番号 and a
// 確認番号; a 払込票 (paid at the post office or a store) carries a 14-digit number.
import { randomInt } from "node:crypto";
import type { Voucher } from "@/lib/payments/provider";
import { isKonbiniStore, KONBINI_CHAINS, KONBINI_STORES, type KonbiniStore } from "@/lib/payments/konbini";

export type SandboxKonbiniStore = KonbiniStore;

/** The sandbox takes every chain the portal offers. */
export const isSandboxKonbiniStore = (value: string | undefined): value is SandboxKonbiniStore =>
  isKonbiniStore(value);

/** Digits of each number per chain (確認番号 0: the chain needs none). */
export const VOUCHER_SHAPES: Record<SandboxKonbiniStore | "slip", { number: number; confirmation: number }> =
  {
    "seven-eleven": { number: 13, confirmation: 0 },
    familymart: { number: 12, confirmation: 5 },
    lawson: { number: 11, confirmation: 4 },
    ministop: { number: 11, confirmation: 4 },
    seicomart: { number: 11, confirmation: 4 },
    dailyyamazaki: { number: 11, confirmation: 4 },
    slip: { number: 14, confirmation: 0 },
  };

/** The sandbox store's names of where the payer "is" (the chain, or a 払込票). */
export const SANDBOX_STORE_NAMES: Record<SandboxKonbiniStore | "slip", string> = {
  ...(Object.fromEntries(KONBINI_STORES.map((key) => [key, KONBINI_CHAINS[key].name])) as Record<
    SandboxKonbiniStore,
    string
  >),
  slip: "払込票（郵便局・コンビニ）",
};

function randomDigits(count: number): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < count) digits += String(randomInt(0, 10));
  return digits;
}

export function issueVoucher(kind: SandboxKonbiniStore | "slip"): Voucher {
  const shape = VOUCHER_SHAPES[kind];
  return {
    number: randomDigits(shape.number),
    confirmationNumber: shape.confirmation > 0 ? randomDigits(shape.confirmation) : "",
  };
}

/** Digits only: what a clerk's till takes (spaces, hyphens and full-width digits tolerated). */
export function voucherDigits(input: string): string {
  return input.normalize("NFKC").replace(/[\s-]/g, "");
}
