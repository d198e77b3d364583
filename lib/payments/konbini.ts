// コンビニ払い: the six chains an applicant can choose, which numbers each needs at the store and
// how to pay there (numbered steps, shown on the payment page and in the email with the code).
// Keys are the providers' words (Stripe's konbini stores and the sandbox use the same ones).

export const KONBINI_STORES = [
  "seven-eleven",
  "familymart",
  "lawson",
  "ministop",
  "seicomart",
  "dailyyamazaki",
] as const;

export type KonbiniStore = (typeof KONBINI_STORES)[number];

export interface KonbiniChain {
  key: KonbiniStore;
  /** The chain's name as it writes it. */
  name: string;
  /** What the chain calls the payment code (受付番号, 払込票番号, オンライン決済番号). */
  numberLabel: string;
  /** Whether the chain asks for the 確認番号 too. */
  needsConfirmationNumber: boolean;
  /** How to pay there, in order. */
  steps: readonly string[];
}

const CONFIRMATION = "確認番号";

const loppiSteps = (chain: string) => [
  `${chain}の店内にある Loppi（ロッピー）で「各種番号をお持ちの方」を選びます。`,
  "受付番号と確認番号を入力し、表示された内容を確認して申込券を印刷します。",
  "申込券を30分以内にレジへ持って行き、現金でお支払いください。",
  "お支払い後に渡される領収書（レシート）は大切に保管してください。",
];

export const KONBINI_CHAINS: Record<KonbiniStore, KonbiniChain> = {
  "seven-eleven": {
    key: "seven-eleven",
    name: "セブン-イレブン",
    numberLabel: "払込票番号",
    needsConfirmationNumber: false,
    steps: [
      "セブン-イレブンのレジで「インターネット代金の支払い」とお伝えください。",
      "13桁の払込票番号をお伝えください（レジの画面に入力を求められた場合は、ご自身で入力します）。",
      "表示された金額を確認し、現金でお支払いください。",
      "お支払い後に渡される領収書（レシート）は大切に保管してください。",
    ],
  },
  familymart: {
    key: "familymart",
    name: "ファミリーマート",
    numberLabel: "受付番号",
    needsConfirmationNumber: true,
    steps: [
      "ファミリーマートの店内にあるマルチコピー機で「代金支払い」を選びます。",
      "「番号入力」を選び、受付番号と確認番号を入力します。",
      "表示された内容を確認して申込券を印刷し、30分以内にレジで現金でお支払いください。",
      "お支払い後に渡される領収書（レシート）は大切に保管してください。",
    ],
  },
  lawson: {
    key: "lawson",
    name: "ローソン",
    numberLabel: "受付番号",
    needsConfirmationNumber: true,
    steps: loppiSteps("ローソン"),
  },
  ministop: {
    key: "ministop",
    name: "ミニストップ",
    numberLabel: "受付番号",
    needsConfirmationNumber: true,
    steps: loppiSteps("ミニストップ"),
  },
  seicomart: {
    key: "seicomart",
    name: "セイコーマート",
    numberLabel: "受付番号",
    needsConfirmationNumber: true,
    steps: [
      "セイコーマートのレジで「インターネット支払い」とお伝えください。",
      "レジの画面に受付番号と確認番号を入力します。",
      "表示された金額を確認し、現金でお支払いください。",
      "お支払い後に渡される領収書（レシート）は大切に保管してください。",
    ],
  },
  dailyyamazaki: {
    key: "dailyyamazaki",
    name: "デイリーヤマザキ",
    numberLabel: "オンライン決済番号",
    needsConfirmationNumber: true,
    steps: [
      "デイリーヤマザキ（ヤマザキデイリーストアー）のレジで「オンライン決済」とお伝えください。",
      "レジの画面にオンライン決済番号と確認番号を入力します。",
      "表示された金額を確認し、現金でお支払いください。",
      "お支払い後に渡される領収書（レシート）は大切に保管してください。",
    ],
  },
};

export const KONBINI_CONFIRMATION_LABEL = CONFIRMATION;

export function isKonbiniStore(value: unknown): value is KonbiniStore {
  return typeof value === "string" && (KONBINI_STORES as readonly string[]).includes(value);
}

/** The chain of a stored key, or null for an unknown one. */
export function konbiniChain(store: string | null | undefined): KonbiniChain | null {
  return isKonbiniStore(store) ? KONBINI_CHAINS[store] : null;
}

/** For a select: value and label of each chain, in the order above. */
export const KONBINI_OPTIONS: readonly { value: KonbiniStore; label: string }[] = KONBINI_STORES.map(
  (key) => ({
    value: key,
    label: KONBINI_CHAINS[key].name,
  }),
);
