// The portal's pages as the locator contract reaches them (tests/e2e/locator-contract.spec.ts), also
// walked in every language by tests/e2e/languages.spec.ts (issue 15).
import iconv from "iconv-lite";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import {
  ApplicantDetailPage,
  ApplicantPasswordChangePage,
  ApplicantsPage,
  ApplicationReviewPage,
  ApplicationsPage,
  AuditPage,
  AwardsPage,
  BulkIssueJobPage,
  BulkIssuePage,
  CompletePage,
  ConfirmPage,
  ConsentDeclinedPage,
  ConsentsPage,
  ContentTaskListPage,
  CorrectionPage,
  EducationPage,
  EmailsPage,
  EmployerPage,
  FacePhotoPage,
  ForgotPasswordPage,
  HealthChecksPage,
  IdentityDocumentPage,
  IssueApplicantPage,
  IssuedApplicantPage,
  JobTypesPage,
  LoginPage,
  MenuPage,
  NewStaffAccountPage,
  NoticeDetailPage,
  NoticesPage,
  PaymentPage,
  PaymentReturnPage,
  PersonalInfoConsentPage,
  PersonalInfoPage,
  type PortalPage,
  QualificationsPage,
  RegistrationNoticePage,
  SandboxChallengePage,
  SandboxCheckoutPage,
  SandboxStorePage,
  SlipsPage,
  SocialInsurancePage,
  StaffAccountDetailPage,
  StaffAccountsPage,
  StaffHomePage,
  StaffLoginPage,
  StaffPasswordChangePage,
  StaffPaymentsPage,
  TermsConsentPage,
  TrainingsPage,
  UpgradePage,
  UsageRequestPage,
  WithdrawPage,
  WorkersCompPage,
  expect,
  type KitClient,
  type Scenario,
} from "../../../packages/playwright-kit/src/index";

export const seed = "locators";

export interface PersonaOptions {
  signIn?: boolean;
  /** From `submitted` on: whether the registration fee is paid (the kit's default: paid). */
  payment?: "unpaid" | "paid";
  /** Sign in straight to this path (the one-time URL's ?next=) instead of the landing page. */
  next?: string;
}

/** A scenario of `persona` in namespace `ns`, signed in on `page` unless told not to (Reach.persona). */
export const personaIn =
  (kit: KitClient, page: Page, ns: string) =>
  async (name: string, options: PersonaOptions = {}): Promise<Scenario> => {
    const scenario = await kit.createScenario({ persona: name, ns, seed, payment: options.payment });
    if (options.signIn !== false) {
      const url = new URL(scenario.signInUrl!);
      if (options.next) url.searchParams.set("next", options.next);
      await page.goto(url.toString());
    }
    return scenario;
  };

export interface Reach {
  page: Page;
  /** A scenario in this page's own namespace (so its data is the same in every run), signed in. */
  persona: (persona: string, options?: PersonaOptions) => Promise<Scenario>;
  kit: KitClient;
  ns: string;
  /** The worker's namespace (the kit's `ns` fixture, reset when the worker ends). */
  workerNs: string;
}

export interface Entry {
  id: string;
  pageObject: new (page: Page) => PortalPage;
  reachedAs: string;
  reach: (context: Reach) => Promise<void>;
  /** The part of the page the ARIA baseline covers (default: main); lists keep only stable parts. */
  ariaScope?: (page: Page) => Locator;
  /** Names that depend on other tests' data on the shared server. */
  ignore?: RegExp[];
}

const signedIn =
  (persona: string, to?: string, options: PersonaOptions = {}) =>
  async ({ persona: make }: Reach) => {
    await make(persona, { ...options, next: to });
  };
const anonymous =
  (to: string) =>
  async ({ page }: Reach) => {
    await page.goto(to);
  };

/**
 * Pages that only read share one scenario of their persona per worker, in the worker's namespace
 * (the first of its persona there, so its seeded data is the same in every run), signed in once:
 * each later page starts from its session cookies instead of a new scenario and sign-in.
 */
const sharedSessions = new Map<
  string,
  Promise<{ cookies: Awaited<ReturnType<BrowserContext["cookies"]>>; landingPath: string }>
>();
const sharedSignedIn =
  (persona: string, to?: string) =>
  async ({ page, kit, workerNs }: Reach) => {
    const shared = sharedSessions.get(persona);
    if (shared) {
      const { cookies, landingPath } = await shared;
      await page.context().addCookies(cookies);
      await page.goto(to ?? landingPath);
      return;
    }
    const signingIn = (async () => {
      const scenario = await kit.createScenario({ persona, ns: workerNs, seed });
      const url = new URL(scenario.signInUrl!);
      if (to) url.searchParams.set("next", to);
      await page.goto(url.toString());
      return { cookies: await page.context().cookies(), landingPath: scenario.landingPath! };
    })();
    sharedSessions.set(persona, signingIn);
    await signingIn;
  };
const searchForm = (page: Page) => page.getByRole("search");
const headingOnly = (page: Page) => page.getByRole("heading", { level: 1 });

/** Makes an applicant in `persona` and opens its staff page as an administrator. */
async function staffApplicantDetail({ page, persona }: Reach) {
  const applicant = await persona("returned", { signIn: false });
  await persona("admin");
  const list = new ApplicantsPage(page);
  await list.goto();
  await list.searchFor(applicant.loginId!);
  await list.applicantLink(applicant.loginId!).click();
}

async function staffApplicationReview({ page, persona }: Reach) {
  const applicant = await persona("resubmitted", { signIn: false });
  await persona("admin");
  const list = new ApplicationsPage(page);
  await list.goto();
  await list.searchFor(applicant.applicationNumber!);
  await list.applicationLink(applicant.applicationNumber!).click();
}

/** The sandbox's card page of a fresh card payment (started on 登録料のお支払い). */
async function toSandboxCheckout({ page, kit, ns }: Reach) {
  const applicant = await kit.createScenario({ persona: "submitted", ns, seed, payment: "unpaid" });
  await page.goto(applicant.signInUrl!);
  const payment = new PaymentPage(page);
  await payment.goto();
  await payment.method("クレジットカード").check();
  await payment.submit.click();
}

export const pages: Entry[] = [
  // Public
  { id: "login", pageObject: LoginPage, reachedAs: "anyone", reach: anonymous("/login") },
  {
    id: "usage-request",
    pageObject: UsageRequestPage,
    reachedAs: "anyone",
    reach: anonymous("/usage-request"),
  },
  {
    id: "password-forgot",
    pageObject: ForgotPasswordPage,
    reachedAs: "anyone",
    reach: anonymous("/password/forgot"),
  },
  { id: "staff-login", pageObject: StaffLoginPage, reachedAs: "anyone", reach: anonymous("/staff/login") },
  // The payment sandbox ("the provider's" pages; their data varies, so the baseline is the form)
  {
    id: "sandbox-checkout",
    pageObject: SandboxCheckoutPage,
    reachedAs: "persona `submitted` with payment `unpaid`, クレジットカード chosen",
    reach: toSandboxCheckout,
    ariaScope: (page) => page.getByRole("main").locator("form"),
  },
  {
    id: "sandbox-challenge",
    pageObject: SandboxChallengePage,
    reachedAs: "the card page, paid with 4000 0000 0000 3220",
    reach: async (context) => {
      await toSandboxCheckout(context);
      await new SandboxCheckoutPage(context.page).payWith("4000 0000 0000 3220");
    },
    ariaScope: (page) => page.getByRole("main").locator("form"),
  },
  {
    id: "sandbox-store",
    pageObject: SandboxStorePage,
    reachedAs: "anyone",
    reach: anonymous("/sandbox/store"),
  },
  // Applicant
  {
    id: "password-change",
    pageObject: ApplicantPasswordChangePage,
    reachedAs: "persona `issued` (lands here)",
    reach: signedIn("issued"),
  },
  { id: "menu", pageObject: MenuPage, reachedAs: "persona `active`", reach: sharedSignedIn("active") },
  {
    id: "notices",
    pageObject: NoticesPage,
    reachedAs: "persona `returned`",
    reach: signedIn("returned", "/notices"),
    ariaScope: headingOnly,
  },
  {
    id: "notice-detail",
    pageObject: NoticeDetailPage,
    reachedAs: "persona `returned`, its first notice",
    reach: async (context) => {
      await signedIn("returned", "/notices")(context);
      await context.page.getByRole("main").getByRole("listitem").getByRole("link").first().click();
      await expect(context.page).toHaveURL(/\/notices\/[^/]+$/);
    },
  },
  {
    id: "registration",
    pageObject: RegistrationNoticePage,
    reachedAs: "persona `active`",
    reach: sharedSignedIn("active", "/registration"),
  },
  {
    id: "consent-personal-info",
    pageObject: PersonalInfoConsentPage,
    reachedAs: "persona `active`",
    reach: sharedSignedIn("active", "/registration/consent/personal-info"),
  },
  {
    id: "consent-terms",
    pageObject: TermsConsentPage,
    reachedAs: "persona `active` after the first consent",
    reach: async (context) => {
      await signedIn("active", "/registration/consent/personal-info")(context);
      await new PersonalInfoConsentPage(context.page).consent();
      await expect(context.page).toHaveURL(/\/registration\/consent\/terms$/);
    },
  },
  {
    id: "consent-declined",
    pageObject: ConsentDeclinedPage,
    reachedAs: "persona `active` declining the terms",
    reach: async (context) => {
      await signedIn("active", "/registration/consent/personal-info")(context);
      await new PersonalInfoConsentPage(context.page).consent();
      await new TermsConsentPage(context.page).disagree.click();
      await expect(context.page).toHaveURL(/\/registration\/consent\/declined$/);
    },
  },
  {
    id: "content-type",
    pageObject: ContentTaskListPage,
    reachedAs: "persona `consented` (registration type not chosen)",
    reach: signedIn("consented", "/registration/content"),
  },
  {
    id: "content-tasks",
    pageObject: ContentTaskListPage,
    reachedAs: "persona `detailed-filled`",
    reach: sharedSignedIn("detailed-filled", "/registration/content"),
  },
  ...(
    [
      ["personal-info", PersonalInfoPage],
      ["identity-document", IdentityDocumentPage],
      ["face-photo", FacePhotoPage],
      ["employer", EmployerPage],
      ["job-types", JobTypesPage],
      ["social-insurance", SocialInsurancePage],
      ["education", EducationPage],
      ["workers-comp", WorkersCompPage],
      ["health-checks", HealthChecksPage],
      ["qualifications", QualificationsPage],
      ["trainings", TrainingsPage],
      ["awards", AwardsPage],
    ] as const
  ).map(([slug, pageObject]): Entry => ({
    id: `content-${slug}`,
    pageObject,
    reachedAs: "persona `detailed-filled`",
    reach: sharedSignedIn("detailed-filled", `/registration/content/${slug}`),
  })),
  {
    id: "confirm",
    pageObject: ConfirmPage,
    reachedAs: "persona `detailed-filled` (lands here)",
    reach: sharedSignedIn("detailed-filled"),
  },
  {
    id: "complete",
    pageObject: CompletePage,
    reachedAs: "persona `submitted`",
    reach: signedIn("submitted", "/registration/complete"),
  },
  {
    id: "payment",
    pageObject: PaymentPage,
    reachedAs: "persona `submitted` with payment `unpaid`",
    reach: signedIn("submitted", "/payment", { payment: "unpaid" }),
  },
  {
    id: "payment-return",
    pageObject: PaymentReturnPage,
    reachedAs: "persona `submitted` with payment `unpaid`, no card payment made",
    reach: signedIn("submitted", "/payment/return", { payment: "unpaid" }),
  },
  {
    id: "withdraw",
    pageObject: WithdrawPage,
    reachedAs: "persona `submitted`",
    reach: signedIn("submitted", "/withdraw"),
  },
  {
    id: "upgrade",
    pageObject: UpgradePage,
    reachedAs: "persona `approved` (a completed 簡略型 registration, before 移行を始める)",
    reach: signedIn("approved", "/upgrade"),
  },
  {
    id: "correction",
    pageObject: CorrectionPage,
    reachedAs: "persona `returned` (lands here)",
    reach: signedIn("returned"),
  },
  // Staff
  {
    id: "staff-home",
    pageObject: StaffHomePage,
    reachedAs: "persona `admin`",
    reach: sharedSignedIn("admin"),
  },
  {
    id: "staff-password-change",
    pageObject: StaffPasswordChangePage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/password/change"),
  },
  {
    id: "staff-issue",
    pageObject: IssueApplicantPage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/applicants/issue"),
  },
  {
    id: "staff-issued",
    pageObject: IssuedApplicantPage,
    reachedAs: "persona `staff` after 発行する",
    reach: async (context) => {
      await signedIn("staff", "/staff/applicants/issue")(context);
      await new IssueApplicantPage(context.page).issue(
        "契約 花子",
        `${context.ns}.locators.issued@example.jp`,
      );
      await expect(context.page).toHaveURL(/\/staff\/applicants\/issue\/[^/]+$/);
    },
  },
  {
    id: "staff-bulk",
    pageObject: BulkIssuePage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/applicants/bulk"),
  },
  {
    id: "staff-bulk-job",
    pageObject: BulkIssueJobPage,
    reachedAs: "persona `staff` after uploading a two-row CSV",
    reach: async (context) => {
      await signedIn("staff", "/staff/applicants/bulk")(context);
      const bulk = new BulkIssuePage(context.page);
      const csv = [
        "氏名,メールアドレス",
        `一括 一郎,${context.ns}.bulk.1@example.jp`,
        `一括 二郎,${context.ns}.bulk.2@example.jp`,
      ].join("\r\n");
      await bulk.csvFile.setInputFiles({
        name: "技能者一覧.csv",
        mimeType: "text/csv",
        buffer: iconv.encode(csv, "cp932"),
      });
      await bulk.submit.click();
      await expect(context.page).toHaveURL(/\/staff\/applicants\/bulk\/[0-9a-f-]{36}$/);
      await expect(context.page.getByRole("main")).toContainText("完了", { timeout: 60_000 });
      await context.page.reload();
    },
  },
  {
    id: "staff-applicants",
    pageObject: ApplicantsPage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/applicants"),
    ariaScope: searchForm,
    // The pager appears only once the list is longer than a page: other tests' data decide.
    ignore: [/^ページ送り$/],
  },
  {
    id: "staff-applicant-detail",
    pageObject: ApplicantDetailPage,
    reachedAs: "persona `admin`, a `returned` applicant from the list",
    reach: staffApplicantDetail,
    // The page's e-mail and audit tables follow the outbox worker's timing: only this part is stable.
    ariaScope: (page) => page.getByRole("region", { name: "パスワードの再発行" }),
  },
  {
    id: "staff-applications",
    pageObject: ApplicationsPage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/applications"),
    ariaScope: searchForm,
    // The pager appears only once the list is longer than a page: other tests' data decide.
    ignore: [/^ページ送り$/],
  },
  {
    id: "staff-application-review",
    pageObject: ApplicationReviewPage,
    reachedAs: "persona `admin`, a `resubmitted` application from the list",
    reach: staffApplicationReview,
  },
  {
    id: "staff-payments",
    pageObject: StaffPaymentsPage,
    reachedAs: "persona `staff`, 日付 2001-01-01 (a day without payments)",
    reach: signedIn("staff", "/staff/payments?date=2001-01-01"),
  },
  {
    id: "staff-payment-slips",
    pageObject: SlipsPage,
    reachedAs: "persona `staff`",
    reach: signedIn("staff", "/staff/payments/slips"),
    // The list holds other tests' slips: the baseline covers the CSV part only.
    ariaScope: (page) => page.getByRole("region", { name: "CSVでまとめて発送済みにする" }),
    ignore: [/^発送済みにする（申請番号 /],
  },
  {
    id: "staff-emails",
    pageObject: EmailsPage,
    reachedAs: "persona `staff`",
    reach: sharedSignedIn("staff", "/staff/emails"),
    ariaScope: searchForm,
    ignore: [/^再送する/, /^ページ送り$/],
  },
  {
    id: "staff-consents",
    pageObject: ConsentsPage,
    reachedAs: "persona `admin`",
    reach: sharedSignedIn("admin", "/staff/consents"),
  },
  {
    id: "staff-audit",
    pageObject: AuditPage,
    reachedAs: "persona `admin`",
    reach: sharedSignedIn("admin", "/staff/audit"),
    ariaScope: searchForm,
    // The pager appears only once the list is longer than a page: other tests' data decide.
    ignore: [/^ページ送り$/],
  },
  {
    id: "staff-accounts",
    pageObject: StaffAccountsPage,
    reachedAs: "persona `admin`",
    reach: sharedSignedIn("admin", "/staff/accounts"),
    ariaScope: headingOnly,
    ignore: [/^(利用を停止する|利用停止を解除する)$/],
  },
  {
    id: "staff-account-new",
    pageObject: NewStaffAccountPage,
    reachedAs: "persona `admin`",
    reach: sharedSignedIn("admin", "/staff/accounts/new"),
  },
  {
    id: "staff-account-detail",
    pageObject: StaffAccountDetailPage,
    reachedAs: "persona `admin`, a `staff` account from the list",
    reach: async (context) => {
      const staff = await context.persona("staff", { signIn: false });
      await signedIn("admin", "/staff/accounts")(context);
      await context.page.getByRole("row").filter({ hasText: staff.email }).getByRole("link").first().click();
      await expect(context.page).toHaveURL(/\/staff\/accounts\/[^/]+$/);
    },
  },
];

/** The applicant's pages (the staff area and the payment provider's sandbox are Japanese only). */
export const applicantPages = pages.filter((entry) => !/^(staff|sandbox)-/.test(entry.id));
