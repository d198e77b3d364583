// The authorization table of the attack suite: for every page, route handler and server action the
// code has (tests/e2e/fixtures/attack-inventory.ts finds them), what each caller must get.
// A page, route or action without a row here fails the suite, and so does a row naming something
// that no longer exists. Outcomes (tests/e2e/fixtures/attack-http.ts, classify):
//   in: got through · login: sent to a login page · pwchange: sent to the forced password change ·
//   404: the plain not-found answer · denied: 401/403.
// The rows encode the wanted behaviour of issue 9 (e.g. 同意記録 and 監査ログ are 管理者-only: a
// 職員 gets 404 there).
import { markerEmail, type Caller, type World } from "../fixtures/attack-world";
import { form, RawArg, type Outcome } from "../fixtures/attack-http";
import { JOB_TYPE_FIELDS } from "../../../lib/schemas/job-types";
import { PERSONAL_INFO_FIELDS } from "../../../lib/schemas/personal-info";
import { SOCIAL_INSURANCE_FIELDS } from "../../../lib/schemas/social-insurance";

export type Expectation = Record<Caller, Outcome>;

const everyone = (outcome: Outcome): Expectation => ({
  anonymous: outcome,
  pending: outcome,
  applicantA: outcome,
  applicantB: outcome,
  staff: outcome,
  admin: outcome,
  disabled: outcome,
  locked: outcome,
});

/** 申請者の画面: signed-in applicants past the forced change (a lock leaves open sessions alone). */
const applicant: Expectation = {
  anonymous: "login",
  pending: "pwchange",
  applicantA: "in",
  applicantB: "in",
  staff: "login",
  admin: "login",
  disabled: "login",
  locked: "in",
};
/** The forced password change itself: also before it is done. */
const applicantPending: Expectation = { ...applicant, pending: "in" };
/** Something of applicant A's only: another applicant gets the plain 404. */
const ownedByA: Expectation = { ...applicant, applicantB: "404", locked: "404" };
/** 職員 and 管理者. */
const staff: Expectation = {
  ...everyone("login"),
  staff: "in",
  admin: "in",
};
/** 管理者 only: a 職員 gets the plain 404 (the area is not even named). */
const admin: Expectation = { ...staff, staff: "404" };
const publicPage = everyone("in");

export const PAGE_TABLE: Record<string, Expectation> = {
  // The root sends each person where they belong: the login page when signed out.
  "/": { ...everyone("in"), anonymous: "login", disabled: "login" },
  // A signed-in applicant who still holds the emailed password is sent on to change it.
  "/login": { ...publicPage, pending: "pwchange" },
  "/password/forgot": publicPage,
  "/usage-request": publicPage,
  "/staff/login": publicPage,
  "/password/change": applicantPending,
  "/menu": applicant,
  "/correction": applicant,
  "/notices": applicant,
  "/notices/[id]": ownedByA,
  "/payment": applicant,
  "/payment/return": applicant,
  "/withdraw": applicant,
  // 詳細型への移行: the page itself is any signed-in applicant's (it says whether the move applies).
  "/upgrade": applicant,
  // The payment sandbox's pages stand for the provider's own site: no portal login, the unguessable
  // payment id is what opens a card page (as a provider's hosted checkout URL). An id the sandbox
  // does not hold is the plain 404 for everyone; the store page is open to everyone.
  "/sandbox/checkout/[id]": everyone("404"),
  "/sandbox/checkout/[id]/challenge": everyone("404"),
  "/sandbox/store": publicPage,
  "/registration": applicant,
  "/registration/complete": applicant,
  "/registration/confirm": applicant,
  "/registration/consent/declined": applicant,
  "/registration/consent/personal-info": applicant,
  "/registration/consent/terms": applicant,
  "/registration/content": applicant,
  "/registration/content/awards": applicant,
  "/registration/content/education": applicant,
  "/registration/content/employer": applicant,
  "/registration/content/face-photo": applicant,
  "/registration/content/health-checks": applicant,
  "/registration/content/identity-document": applicant,
  "/registration/content/job-types": applicant,
  "/registration/content/personal-info": applicant,
  "/registration/content/qualifications": applicant,
  "/registration/content/social-insurance": applicant,
  "/registration/content/trainings": applicant,
  "/registration/content/workers-comp": applicant,
  "/staff": staff,
  "/staff/password/change": staff,
  "/staff/applicants": staff,
  "/staff/applicants/[applicantId]": staff,
  "/staff/applicants/bulk": staff,
  "/staff/applicants/bulk/[jobId]": staff,
  "/staff/applicants/issue": staff,
  "/staff/applicants/issue/[applicantId]": staff,
  "/staff/applications": staff,
  "/staff/applications/[applicationId]": staff,
  "/staff/emails": staff,
  "/staff/payments": staff,
  "/staff/payments/slips": staff,
  "/staff/accounts": admin,
  "/staff/accounts/new": admin,
  "/staff/accounts/[staffId]": admin,
  "/staff/audit": admin,
  "/staff/consents": admin,
};

/** Route handlers answer with a status, never a redirect to a page (except the CSV's 303). */
const staffRoute: Expectation = { ...everyone("404"), anonymous: "login", staff: "in", admin: "in" };

export interface RouteRow {
  /** The request path under the route (dynamic segments filled in from the world). */
  path: (world: World) => string;
  expect: Expectation;
}

export const ROUTE_TABLE: Record<string, RouteRow> = {
  "/api/health": { path: () => "/api/health", expect: publicPage },
  "/api/live": { path: () => "/api/live", expect: publicPage },
  "/api/ready": { path: () => "/api/ready", expect: publicPage },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: publicPage },
  "/api/files/[id]": {
    path: (world) => `/api/files/${world.fileA}`,
    expect: { ...everyone("404"), applicantA: "in", staff: "in", admin: "in" },
  },
  "/api/postal-codes/[code]": {
    path: () => "/api/postal-codes/1000001",
    expect: { ...everyone("denied"), applicantA: "in", applicantB: "in", locked: "in" },
  },
  "/staff/applicants/bulk/[jobId]/status": {
    path: (world) => `/staff/applicants/bulk/${world.bulkJob}/status`,
    expect: staffRoute,
  },
  "/staff/applicants/bulk/[jobId]/result": {
    path: (world) => `/staff/applicants/bulk/${world.bulkJob}/result`,
    expect: staffRoute,
  },
  // 領収書 (PDF): an applicant's own paid fee only; A's application owes no fee in this world, so
  // every applicant gets the plain 404, and whoever is not an applicant is sent to the login.
  "/payment/receipt": {
    path: () => "/payment/receipt",
    expect: {
      ...everyone("login"),
      pending: "pwchange",
      applicantA: "404",
      applicantB: "404",
      locked: "404",
    },
  },
  // The payment provider's webhook: no session counts, only the signature. An unsigned POST is
  // refused with 400 for every caller (classified "in": answered, not sent to a login); nothing is
  // stored (tests/integration/payments-webhook.integration.test.ts checks the refusals themselves).
  "/api/payments/webhook": { path: () => "/api/payments/webhook", expect: publicPage },
  // 管理者 only (issue 9, item 9); anyone not signed in as staff is sent to the staff login.
  "/staff/consents/export": {
    path: () => "/staff/consents/export",
    expect: { ...everyone("login"), staff: "404", admin: "in" },
  },
  // お支払いの照合のCSV: 職員 and 管理者; anyone else is sent to the staff login.
  "/staff/payments/reconciliation.csv": {
    path: () => "/staff/payments/reconciliation.csv?date=2026-12-07",
    expect: { ...everyone("login"), staff: "in", admin: "in" },
  },
  // The test kit (issue 10): without the Bearer token every /__test__/ address is the plain 404
  // (the folder is app/%5F%5Ftest%5F%5F); a made-up sign-in ticket is the plain 404 too.
  "/%5F%5Ftest%5F%5F/scenarios": { path: () => "/__test__/scenarios", expect: everyone("404") },
  "/%5F%5Ftest%5F%5F/reset": { path: () => "/__test__/reset", expect: everyone("404") },
  "/%5F%5Ftest%5F%5F/sign-in/[ticket]": {
    path: () => "/__test__/sign-in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    expect: everyone("404"),
  },
  "/%5F%5Ftest%5F%5F/applicants/[loginId]": {
    path: (world) => `/__test__/applicants/${world.applicants.applicantA.loginId}`,
    expect: everyone("404"),
  },
  "/%5F%5Ftest%5F%5F/mail/api/v1/messages": {
    path: () => "/__test__/mail/api/v1/messages",
    expect: everyone("404"),
  },
  "/%5F%5Ftest%5F%5F/mail/api/v1/search": {
    path: () => "/__test__/mail/api/v1/search?query=a",
    expect: everyone("404"),
  },
  "/%5F%5Ftest%5F%5F/mail/api/v1/message/[id]": {
    path: () => "/__test__/mail/api/v1/message/latest",
    expect: everyone("404"),
  },
  "/%5F%5Ftest%5F%5F/mail/wait": { path: () => "/__test__/mail/wait?timeout=0", expect: everyone("404") },
  "/%5F%5Ftest%5F%5F/clock": { path: () => "/__test__/clock?ns=w0", expect: everyone("404") },
  "/%5F%5Ftest%5F%5F/faults": { path: () => "/__test__/faults?ns=w0", expect: everyone("404") },
};

/** A well-formed sandbox payment id the sandbox does not hold. */
const UNKNOWN_SANDBOX_PAYMENT = "sbpi_AAAAAAAAAAAAAAAAAAAAAAAA";

/** Fills the dynamic segments of a page route with the world's rows. */
export function pagePath(route: string, world: World): string {
  return route
    .replace("/notices/[id]", `/notices/${world.noticeA}`)
    .replace("[staffId]", world.staffAccounts.target.id)
    .replace("/issue/[applicantId]", `/issue/${world.applicants.applicantA.id}`)
    .replace("[applicantId]", world.applicants.applicantA.id)
    .replace("[jobId]", world.bulkJob)
    .replace("[applicationId]", world.applicationA.id)
    .replace("/sandbox/checkout/[id]", `/sandbox/checkout/${UNKNOWN_SANDBOX_PAYMENT}`);
}

export interface ActionRow {
  expect: Expectation;
  /** Who makes the "gets through" call, and with which arguments (chosen to change nothing of
   *  the fixtures, e.g. a validation error); outcome must be "in". */
  owner: Caller;
  ownerArgs: (world: World) => unknown[];
  /** What the other callers replay: arguments that would change something if the action let
   *  them through (defaults to ownerArgs). */
  attackArgs?: (world: World) => unknown[];
  /** The posted field names (for the malformed-input generator). */
  fields: string[];
  /** File inputs (upload actions): the generator sends files that are not what they claim. */
  files?: string[];
  /** Fields holding ids of rows: the generator forges them with other users' ids. */
  idFields?: string[];
  /** Arguments before the FormData (autosaveRowGroupAction's group key). */
  leading?: unknown[];
  /** The owner's expected outcome when it is not "in" (logout ends at the login page). */
  ownerExpect?: Outcome;
  /** The action writes for every caller (logout revokes whatever session it is given): its
   *  replays are not fingerprinted. */
  writesForAnyone?: boolean;
  /** Callers not replayed, with the reason. */
  skip?: Partial<Record<Caller, string>>;
  /** Callers also used for the malformed inputs (besides the owner). */
  fuzzAs?: Caller[];
}

const applicantAction = (fields: string[], extra: Partial<ActionRow> = {}): ActionRow => ({
  expect: applicant,
  owner: "applicantB",
  ownerArgs: () => [null, form({})],
  fields,
  fuzzAs: ["applicantA"],
  ...extra,
});
const autosave = (fields: string[], extra: Partial<ActionRow> = {}): ActionRow =>
  applicantAction(fields, { ownerArgs: () => [form({})], ...extra });

// Each page's fields come from its schema module, so the fuzz posts every field the form has.
const PERSONAL_INFO = [...PERSONAL_INFO_FIELDS, "intent"];
const OWN_SESSION = "ends the caller's own session (tests/e2e/sessions.spec.ts covers logout)";

export const ACTION_TABLE: Record<string, ActionRow> = {
  // Anyone: sign-in, password reissue, 利用申し込み, the session keep-alive.
  loginAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["loginId", "password"],
    ownerArgs: () => [null, form({ loginId: "", password: "" })],
  },
  staffLoginAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["email", "password"],
    ownerArgs: () => [null, form({ email: "", password: "" })],
  },
  requestPasswordReissueAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["loginId", "email"],
    ownerArgs: () => [null, form({ loginId: "", email: "" })],
  },
  requestUsageAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["name", "address", "phone", "email"],
    ownerArgs: () => [null, form({ name: "", address: "", phone: "", email: "" })],
  },
  extendSessionAction: { expect: publicPage, owner: "applicantA", fields: [], ownerArgs: () => [] },
  // The language switcher (issue 15): anyone sets their own cookie, and a signed-in applicant's own
  // account keeps the choice (its replays write the caller's own row); a made-up language changes nothing.
  setLocaleAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["locale"],
    ownerArgs: () => [form({ locale: "xx" })],
    attackArgs: () => [form({ locale: "ja" })],
    writesForAnyone: true,
  },
  logoutAction: {
    expect: { ...everyone("login") },
    owner: "anonymous",
    fields: ["area", "reason"],
    ownerArgs: () => [form({})],
    ownerExpect: "login",
    writesForAnyone: true,
    skip: {
      pending: OWN_SESSION,
      applicantA: OWN_SESSION,
      applicantB: OWN_SESSION,
      staff: OWN_SESSION,
      admin: OWN_SESSION,
      locked: OWN_SESSION,
    },
  },

  // Applicants.
  changePasswordAction: applicantAction(["currentPassword", "newPassword", "newPasswordConfirm"], {
    expect: applicantPending,
    owner: "pending",
    ownerArgs: () => [
      null,
      form({ currentPassword: "x", newPassword: "Abc!12345678a", newPasswordConfirm: "Zyx!87654321z" }),
    ],
  }),
  acceptRegistrationNoticeAction: applicantAction([], { owner: "applicantA", ownerArgs: () => [] }),
  giveConsentAction: applicantAction(["kind", "documentId", "decision", "confirmed"], {
    idFields: ["documentId"],
  }),
  chooseRegistrationTypeAction: applicantAction(["registrationType"]),
  savePersonalInfoAction: applicantAction(PERSONAL_INFO),
  autosavePersonalInfoAction: autosave(PERSONAL_INFO),
  saveEmployerAction: applicantAction(["employmentKind", "employerName", "employerId", "intent"]),
  autosaveEmployerAction: autosave(["employmentKind", "employerName", "employerId"]),
  saveJobTypesAction: applicantAction([...JOB_TYPE_FIELDS, "intent"]),
  autosaveJobTypesAction: autosave([...JOB_TYPE_FIELDS]),
  saveSocialInsuranceAction: applicantAction([...SOCIAL_INSURANCE_FIELDS, "intent"], {
    files: ["healthInsuranceProof"],
  }),
  autosaveSocialInsuranceAction: autosave(["healthInsurance", "pensionInsurance", "employmentInsurance"]),
  saveIdentityDocumentAction: applicantAction(["documentType", "intent"], {
    files: ["identityFront", "identityBack"],
  }),
  saveFacePhotoAction: applicantAction(["intent"], { files: ["facePhoto"] }),
  saveRowGroupAction: applicantAction(
    ["groupKey", "intent", "rows.0.id", "rows.0.name", "rows.0.schoolName"],
    {
      ownerArgs: () => [null, form({ groupKey: "education", intent: "next" })],
      idFields: ["rows.0.id"],
      files: ["rows.0.image"],
    },
  ),
  autosaveRowGroupAction: autosave(["rows.0.id", "rows.0.name", "rows.0.schoolName"], {
    ownerArgs: () => ["education", form({})],
    leading: ["education"],
    idFields: ["rows.0.id"],
  }),
  submitApplicationAction: applicantAction([], { ownerArgs: () => [] }),
  // 登録料のお支払い: an empty form is refused by the schema; A's application owes no fee here.
  startPaymentAction: applicantAction(["method", "konbiniStore", "feeLockVersion"]),
  // 申請の取下げ: without intent=withdraw only the form's step changes (the fuzz leaves intent out,
  // so it never withdraws A's application that the other rows use).
  withdrawApplicationAction: applicantAction(["reason"]),
  // 移行を始める posts nothing: the signed-in applicant's registration decides (B has none
  // completed, so the owner's call is refused with a message and changes nothing).
  startUpgradeAction: applicantAction([], { ownerArgs: () => [] }),
  // The payment sandbox's forms (the provider's side: no portal login). Against a payment id the
  // sandbox does not hold they answer "not payable" for everyone and change nothing.
  paySandboxCardAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["paymentId", "cardNumber", "expiry", "cvc", "cardName"],
    ownerArgs: () => [null, form({ paymentId: UNKNOWN_SANDBOX_PAYMENT, cardNumber: "4242424242424242" })],
  },
  answerSandboxChallengeAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["paymentId", "decision"],
    ownerArgs: () => [form({ paymentId: UNKNOWN_SANDBOX_PAYMENT, decision: "approve" })],
  },
  sandboxStoreAction: {
    expect: publicPage,
    owner: "anonymous",
    fields: ["voucherNumber", "confirmationNumber", "intent"],
    ownerArgs: () => [
      null,
      form({ voucherNumber: "00000000000", confirmationNumber: "0000", intent: "pay" }),
    ],
  },

  // 職員 and 管理者.
  issueApplicantIdAction: {
    expect: staff,
    owner: "staff",
    fields: ["name", "email"],
    ownerArgs: () => [null, form({ name: "", email: "" })],
    attackArgs: () => [null, form({ name: "偽造 太郎", email: markerEmail("forged-issue") })],
  },
  uploadBulkIssueAction: {
    expect: staff,
    owner: "staff",
    fields: [],
    files: ["csvFile"],
    ownerArgs: () => [null, form({})],
  },
  approveApplicationAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicationId", "lockVersion"],
    idFields: ["applicationId"],
    // A stale version: refused as changed by someone else, nothing decided.
    ownerArgs: (world) => [null, form({ applicationId: world.applicationA.id, lockVersion: "999" })],
    attackArgs: (world) => [
      null,
      form({ applicationId: world.applicationA.id, lockVersion: String(world.applicationA.lockVersion) }),
    ],
  },
  returnApplicationAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicationId", "lockVersion", "items.0.reason", "items.0.comment"],
    idFields: ["applicationId"],
    ownerArgs: () => [null, form({})],
  },
  refundPaymentAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicationId", "paymentId", "refundReason", "confirm"],
    idFields: ["applicationId", "paymentId"],
    // No reason, no confirmation: the form's errors, nothing refunded.
    ownerArgs: (world) => [
      null,
      form({ applicationId: world.applicationA.id, paymentId: world.applicationA.id }),
    ],
  },
  markSlipSentAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicationNumber"],
    ownerArgs: () => [form({ applicationNumber: "not-a-number" })],
  },
  uploadSlipCsvAction: {
    expect: staff,
    owner: "staff",
    fields: [],
    files: ["slipCsvFile"],
    ownerArgs: () => [null, form({})],
  },
  unlockApplicantAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicantId"],
    idFields: ["applicantId"],
    ownerArgs: () => [form({ applicantId: "not-an-id" })],
    attackArgs: (world) => [form({ applicantId: world.applicants.locked.id })],
  },
  reissueApplicantPasswordAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicantId", "confirm"],
    idFields: ["applicantId"],
    ownerArgs: (world) => [form({ applicantId: world.applicants.applicantA.id })],
    attackArgs: (world) => [form({ applicantId: world.applicants.applicantA.id, confirm: "yes" })],
  },
  disableApplicantAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicantId", "confirm"],
    idFields: ["applicantId"],
    ownerArgs: (world) => [form({ applicantId: world.applicants.applicantA.id })],
    attackArgs: (world) => [form({ applicantId: world.applicants.applicantA.id, confirm: "yes" })],
  },
  enableApplicantAction: {
    expect: staff,
    owner: "staff",
    fields: ["applicantId"],
    idFields: ["applicantId"],
    ownerArgs: () => [form({ applicantId: "not-an-id" })],
    attackArgs: (world) => [form({ applicantId: world.applicants.disabled.id })],
  },
  retryEmailAction: {
    expect: staff,
    owner: "staff",
    fields: ["emailId", "q", "status", "cursor"],
    idFields: ["emailId"],
    ownerArgs: () => [form({ emailId: "not-an-id" })],
    attackArgs: (world) => [form({ emailId: world.failedEmail })],
  },
  changeStaffPasswordAction: {
    expect: staff,
    owner: "staff",
    fields: ["currentPassword", "newPassword", "newPasswordConfirm"],
    ownerArgs: () => [
      null,
      form({ currentPassword: "x", newPassword: "Abc!12345678a", newPasswordConfirm: "Zyx!87654321z" }),
    ],
  },
  createStaffAccountAction: {
    expect: admin,
    owner: "admin",
    fields: ["name", "email", "role"],
    ownerArgs: () => [null, form({ name: "", email: "not-an-address", role: "ROOT" })],
    attackArgs: () => [
      null,
      form({ name: "偽造 管理者", email: markerEmail("forged-staff"), role: "ADMIN" }),
    ],
  },
  // The owner calls run in this order: 利用停止 of the spare account, then its 解除.
  disableStaffAccountAction: {
    expect: admin,
    owner: "admin",
    fields: ["staffId"],
    idFields: ["staffId"],
    ownerArgs: (world) => [form({ staffId: world.staffAccounts.target.id })],
  },
  enableStaffAccountAction: {
    expect: admin,
    owner: "admin",
    fields: ["staffId"],
    idFields: ["staffId"],
    ownerArgs: (world) => [form({ staffId: world.staffAccounts.target.id })],
  },
  unlockStaffAccountAction: {
    expect: admin,
    owner: "admin",
    fields: ["staffId"],
    idFields: ["staffId"],
    ownerArgs: (world) => [form({ staffId: world.staffAccounts.target.id })],
  },
};

/** The argument list a replay sends: the owner's arguments (as the hosting page's form would). */
export const replayArgs = (row: ActionRow, world: World) => (row.attackArgs ?? row.ownerArgs)(world);

export { RawArg };
