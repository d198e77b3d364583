// JSON shapes of the portal's test-mode endpoints (docs/testing.md in the portal repository).

/** Applicant personas (English slug; the server also accepts the Japanese names). */
export type ApplicantPersona =
  | "issued"
  | "active"
  | "consented"
  | "simple-filled"
  | "detailed-filled"
  | "submitted"
  | "returned"
  | "resubmitted"
  | "approved"
  | "locked"
  | "temp-expired"
  | "disabled";

export type StaffPersona = "staff" | "admin";
export type Persona = ApplicantPersona | StaffPersona;

/** Japanese persona names the server accepts as well. */
export const personaJapaneseNames: Readonly<Record<Persona, string>> = {
  issued: "申請ID発行済み",
  active: "パスワード変更済み",
  consented: "同意済み",
  "simple-filled": "簡略型入力済み",
  "detailed-filled": "詳細型入力済み",
  submitted: "申請中",
  returned: "不備",
  resubmitted: "再申請",
  approved: "登録完了",
  locked: "ロック中",
  "temp-expired": "申請用パスワード期限切れ",
  disabled: "利用停止",
  staff: "職員",
  admin: "管理者",
};

export interface ScenarioRequest {
  persona: Persona | string;
  ns: string;
  seed?: string;
  name?: string;
  email?: string;
  /** From `submitted` on: whether the registration fee is paid (default "paid"). */
  payment?: "unpaid" | "paid";
}

export interface Scenario {
  ns: string;
  persona: string;
  role: "applicant" | "staff" | "admin";
  /** 申請ログインID (applicants); null for staff, who sign in with `email`. */
  loginId: string | null;
  password: string;
  email: string;
  name: string;
  nameKana: string | null;
  applicationNumber: string | null;
  technicianId: string | null;
  status: string | null;
  /** One-time sign-in URL (10 minutes); null for personas that cannot sign in. */
  signInUrl: string | null;
  landingPath: string | null;
}

export interface ResetResult {
  ns: string | null;
  deleted: { applicants: number; staff: number; emails: number };
}

export interface MailAddress {
  Name: string;
  Address: string;
}

export interface MessageSummary {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailAddress;
  To: MailAddress[];
  Cc: MailAddress[];
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  Subject: string;
  Created: string;
  Tags: string[];
  Size: number;
  Attachments: number;
  Snippet: string;
}

export interface MessagesResponse {
  total: number;
  unread: number;
  count: number;
  messages_count: number;
  start: number;
  tags: string[];
  messages: MessageSummary[];
}

export interface Message {
  ID: string;
  MessageID: string;
  From: MailAddress;
  To: MailAddress[];
  Cc: MailAddress[];
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  ReturnPath: string;
  Subject: string;
  Date: string;
  Tags: string[];
  Text: string;
  HTML: string;
  Size: number;
  Inline: unknown[];
  Attachments: unknown[];
}

export interface ReturnedItem {
  group: string;
  reason: string;
  comment: string;
}

export interface MailFields {
  loginId: string | null;
  temporaryPassword: string | null;
  loginUrl: string | null;
  applicationNumber: string | null;
  technicianId: string | null;
  returnedItems: ReturnedItem[];
  /** コンビニ払い / 払込票 emails: 受付番号 / 払込票番号 / オンライン決済番号 and 確認番号. */
  paymentNumber: string | null;
  confirmationNumber: string | null;
}

export interface WaitedMessage extends Message {
  fields: MailFields;
}

export interface MailWaitQuery {
  to?: string;
  /** A substring of the subject. */
  subject?: string;
  ns?: string;
  /** Only messages created after this instant. */
  after?: Date | string;
  /** Milliseconds, at most 60000 (server default 10000). */
  timeout?: number;
}

export interface ClockState {
  ns: string;
  /** ISO instant the namespace sees. */
  now: string;
  offsetSeconds: number;
}

/** Either an instant (ISO string or Date) or an offset from real time. */
export type ClockSetting = { now: string | Date } | { offsetSeconds: number };

/** `hangMs`: for "hang", how long the connection seems to hang before the error (default 2000). */
export type SmtpFault = { mode: "4xx" | "5xx" | "hang"; hangMs?: number };
export type DelayOrFail = { delayMs: number } | { fail: true };
/** Payment (issue 12): the sandbox provider down, and its webhooks dropped, doubled or reordered. */
export type PaymentsFault = { providerDown?: true; webhooks?: "drop" | "duplicate" | "shuffle" };

/** Faults of one namespace; `null` clears one, an omitted key keeps what is set. */
export interface FaultSettings {
  smtp?: SmtpFault | null;
  /** Keyed by the server action's export name, e.g. `saveEmployerAction`. */
  actions?: Record<string, DelayOrFail | null> | null;
  uploads?: DelayOrFail | null;
  postalLookup?: "fail" | null;
  payments?: PaymentsFault | null;
}

/** The faults in force for a namespace (absent keys: no fault). */
export interface Faults {
  smtp?: SmtpFault;
  actions?: Record<string, DelayOrFail>;
  uploads?: DelayOrFail;
  postalLookup?: "fail";
  payments?: PaymentsFault;
}

export interface FaultState {
  ns: string;
  faults: Faults;
}

export interface ApplicantState {
  loginId: string;
  ns: string | null;
  name: string;
  email: string;
  account: {
    mustChangePassword: boolean;
    lockedUntil: string | null;
    disabled: boolean;
    failedLoginCount: number;
    tempPasswordExpiresAt: string | null;
    hasPendingPassword: boolean;
  };
  application: {
    status: string;
    registrationType: string | null;
    applicationNumber: string | null;
    technicianId: string | null;
    lockVersion: number;
    versions: number;
  } | null;
  emails: { template: string; to: string; status: string; createdAt: string; sentAt: string | null }[];
  notices: { kind: string; title: string; read: boolean; createdAt: string }[];
  audit: { action: string; at: string }[];
}

/** A 400 answer: what was wrong with the request. */
export interface KitErrorBody {
  error: string;
  issues?: unknown[];
}
