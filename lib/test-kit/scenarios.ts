// Test-kit scenarios (issue 10, docs/testing.md): a fresh applicant or staff member in a named
// state, made through the app's own functions (issue, change password, consent, save groups and
// images, submit, decide, disable), so the rows are what the UI would have written. Every account
// carries test_namespace = ns; names and addresses come from lib/test-kit/fake-person.ts.
import sharp from "sharp";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import {
  hasApplicantWithEmail,
  lockApplicantEmail,
  retryOnLoginIdCollision,
  writeIssuedApplicant,
} from "@/lib/applicants/issue-applicant";
import { changePassword } from "@/lib/auth/change-password";
import { lockoutPolicy } from "@/lib/auth/policies";
import { disableApplicant } from "@/lib/applicants/account-actions";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { recordConsent } from "@/lib/consents/record-consent";
import { ensureDraftApplication, setRegistrationType } from "@/lib/applications/draft-application";
import { saveEmployer, saveJobTypes, saveSocialInsurance } from "@/lib/applications/save-groups";
import { savePersonalInfo } from "@/lib/applications/save-personal-info";
import { saveIdentityDocument } from "@/lib/applications/save-identity-document";
import { saveRowGroup } from "@/lib/applications/save-row-group";
import { submitApplication } from "@/lib/applications/submit-application";
import { checkOptions } from "@/lib/applications/check-options";
import { storeApplicationImage, type FileSlot } from "@/lib/files/application-files";
import { decideApplication } from "@/lib/review/decide-application";
import { employerSchema } from "@/lib/schemas/employer";
import { makePersonalInfoSchema } from "@/lib/schemas/personal-info";
import { socialInsuranceSchema } from "@/lib/schemas/social-insurance";
import { rowGroupSchema, type RowFormValues } from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";
import { fakePerson, type FakePerson } from "@/lib/test-kit/fake-person";
import { createSignInTicket } from "@/lib/test-kit/sign-in-ticket";
import { payFeeForScenario } from "@/lib/test-kit/scenario-payment";

export const APPLICANT_PERSONAS = {
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
} as const;
export const STAFF_PERSONAS = { staff: "職員", admin: "管理者" } as const;

export type ApplicantPersona = keyof typeof APPLICANT_PERSONAS;
export type StaffPersona = keyof typeof STAFF_PERSONAS;
export type Persona = ApplicantPersona | StaffPersona;

export const PERSONAS = [...Object.keys(APPLICANT_PERSONAS), ...Object.keys(STAFF_PERSONAS)] as Persona[];

/** An English slug or its Japanese name → the slug; undefined if neither. */
export function personaOf(value: string): Persona | undefined {
  const all: Record<string, string> = { ...APPLICANT_PERSONAS, ...STAFF_PERSONAS };
  if (Object.hasOwn(all, value)) return value as Persona;
  return (Object.keys(all) as Persona[]).find((slug) => all[slug] === value);
}

/** Where the sign-in URL lands. */
export const LANDING_PATHS: Record<Persona, string | null> = {
  issued: "/password/change",
  active: "/menu",
  consented: "/registration/content",
  "simple-filled": "/registration/confirm",
  "detailed-filled": "/registration/confirm",
  submitted: "/menu",
  returned: "/correction",
  resubmitted: "/menu",
  approved: "/menu",
  locked: null,
  "temp-expired": null,
  disabled: null,
  staff: "/staff",
  admin: "/staff",
};

export interface ScenarioInput {
  persona: Persona;
  ns: string;
  seed?: string;
  name?: string;
  email?: string;
  /** From 申請中 on: whether the registration fee is paid (default "paid", so data stays review-ready). */
  payment?: "unpaid" | "paid";
}

export interface ScenarioResult {
  ns: string;
  persona: Persona;
  role: "applicant" | "staff" | "admin";
  loginId: string | null;
  password: string;
  email: string;
  name: string;
  nameKana: string;
  applicationNumber: string | null;
  technicianId: string | null;
  status: string | null;
  signInUrl: string | null;
  landingPath: string | null;
}

/** Persona steps, in order: each persona is the one before it plus one step. */
const ORDER: ApplicantPersona[] = [
  "issued",
  "active",
  "consented",
  "simple-filled",
  "submitted",
  "returned",
  "resubmitted",
];
const reaches = (persona: ApplicantPersona, step: ApplicantPersona): boolean => {
  if (persona === "temp-expired") return step === "issued";
  if (persona === "locked" || persona === "disabled") return step === "issued" || step === "active";
  if (persona === "detailed-filled") return ["issued", "active", "consented"].includes(step);
  if (persona === "approved")
    return ORDER.indexOf(step) >= 0 && ORDER.indexOf(step) <= ORDER.indexOf("submitted");
  const index = ORDER.indexOf(persona);
  return ORDER.indexOf(step) >= 0 && ORDER.indexOf(step) <= index;
};

const KIT_CONTEXT = { ip: null, userAgent: "ccus-test-kit" };

// One statement: Prisma's upsert reads, then inserts, so two first scenarios of one namespace at
// once could both insert and one fail on the primary key.
async function ensureNamespace(ns: string): Promise<void> {
  await db.$executeRaw`INSERT INTO test_namespace (ns, updated_at) VALUES (${ns}, now()) ON CONFLICT (ns) DO NOTHING`;
}

/** A generated address that another scenario of the namespace took first: choose the next one. */
class GeneratedEmailTaken extends Error {}

const isTakenEmail = (error: unknown) =>
  error instanceof GeneratedEmailTaken ||
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");

/**
 * Chooses the scenario's address (the one asked for, or the namespace's next numbered one) and
 * the person that goes with it, and makes the account with `make`. Scenarios of one namespace
 * made at once may choose the same number: the one that finds it taken chooses again.
 */
async function withScenarioEmail<T>(
  input: ScenarioInput,
  seed: string,
  make: (email: string, person: FakePerson, generated: boolean) => Promise<T>,
): Promise<{ made: T; email: string; person: FakePerson }> {
  for (let attempt = 1; ; attempt += 1) {
    const numbered = input.email
      ? { email: input.email.toLowerCase(), n: 0 }
      : await nextEmail(input.ns, input.persona);
    // The same seed, persona and number: the same person, whatever the namespace.
    const person = personWith(`${seed}:${input.persona}:${numbered.n || numbered.email}`, input.name);
    try {
      return { made: await make(numbered.email, person, !input.email), email: numbered.email, person };
    } catch (error) {
      if (input.email || attempt >= 20 || !isTakenEmail(error)) throw error;
    }
  }
}

/** `<ns>.<slug>.<n>@example.jp`, n the first number no account of the namespace has. */
async function nextEmail(ns: string, slug: string): Promise<{ email: string; n: number }> {
  const prefix = `${ns}.${slug}.`;
  const [applicants, staff] = await Promise.all([
    db.applicant.count({ where: { email: { startsWith: prefix } } }),
    db.staffUser.count({ where: { email: { startsWith: prefix } } }),
  ]);
  for (let n = applicants + staff + 1; ; n += 1) {
    const email = `${prefix}${n}@example.jp`;
    const taken =
      (await db.applicant.count({ where: { email } })) + (await db.staffUser.count({ where: { email } }));
    if (taken === 0) return { email, n };
  }
}

function personWith(seed: string, name: string | undefined): FakePerson {
  const person = fakePerson(seed);
  if (!name) return person;
  const [familyName = name, ...rest] = name.trim().split(/[\s　]+/);
  const givenName = rest.join("") || person.givenName;
  return { ...person, familyName, givenName, name: `${familyName} ${givenName}` };
}

let cachedJpeg: Promise<Uint8Array<ArrayBuffer>> | undefined;
/** A small JPEG (a plain light photo-like image) for every image slot. */
function sampleJpeg(): Promise<Uint8Array<ArrayBuffer>> {
  cachedJpeg ??= sharp({
    create: { width: 360, height: 460, channels: 3, background: { r: 214, g: 226, b: 236 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer()
    .then((buffer) => Uint8Array.from(buffer));
  return cachedJpeg;
}

async function storeImage(applicantId: string, slot: FileSlot): Promise<void> {
  const bytes = await sampleJpeg();
  const file = new File([bytes], `${slot.replace(/[^a-z0-9-]/g, "-")}.jpg`, { type: "image/jpeg" });
  const stored = await storeApplicationImage(applicantId, slot, file);
  if (!stored.ok) throw new Error(`scenario image ${slot} was not stored: ${stored.message}`);
}

function must<T>(value: T | null | false | undefined, what: string): T {
  if (value === null || value === false || value === undefined)
    throw new Error(`scenario step failed: ${what}`);
  return value;
}

/** The reviewing staff member of a namespace (who returns and approves), made once. */
async function namespaceReviewer(ns: string, seed: string, passwordHash: string): Promise<string> {
  const email = `${ns}.reviewer@example.jp`;
  const existing = await db.staffUser.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  try {
    const person = fakePerson(`${seed}:reviewer`);
    const created = await db.staffUser.create({
      data: {
        email,
        name: person.name,
        passwordHash,
        role: "STAFF",
        mustChangePassword: false,
        testNamespace: ns,
      },
      select: { id: true },
    });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return (await db.staffUser.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
    }
    throw error;
  }
}

async function fillApplication(
  applicantId: string,
  person: FakePerson,
  email: string,
  type: "SIMPLE" | "DETAILED",
) {
  await ensureDraftApplication(applicantId);
  must(await setRegistrationType(applicantId, type), "registration type");
  const personal = makePersonalInfoSchema(checkOptions()).parse({
    isJapanese: "yes",
    familyName: person.familyName,
    givenName: person.givenName,
    familyNameKana: person.familyNameKana,
    givenNameKana: person.givenNameKana,
    birthDate: person.birthDate,
    gender: person.gender,
    postalCode: person.postalCode,
    prefecture: person.prefecture,
    city: person.city,
    phone: person.phone,
    email,
  });
  must(await savePersonalInfo(applicantId, personal, true), "personal info");
  await storeImage(applicantId, "identity-front");
  await storeImage(applicantId, "identity-back");
  must(await saveIdentityDocument(applicantId, "drivers-license", true), "identity document");
  await storeImage(applicantId, "face-photo");
  must(
    await saveEmployer(applicantId, employerSchema.parse({ employmentKind: "sole-proprietor" }), true),
    "employer",
  );
  must(await saveJobTypes(applicantId, ["06-01"]), "job types");
  const insurance = socialInsuranceSchema.parse({
    healthInsurance: "適用除外",
    pensionInsurance: "国民年金",
    employmentInsurance: "適用除外",
    kentaikyo: "not-joined",
    chutaikyo: "not-joined",
  });
  must(await saveSocialInsurance(applicantId, insurance, true), "social insurance");
  if (type !== "DETAILED") return;
  const groups: [RowGroupKey, string, RowFormValues[]][] = [
    [
      "education",
      "",
      [{ id: "", category: "高等学校", schoolName: "県立第一高等学校", graduatedMonth: "2008-03" }],
    ],
    ["workers-comp", "no", []],
    ["health-checks", "", []],
    ["qualifications", "", [{ id: "", name: "玉掛け技能講習", acquiredOn: "2015-06-10", number: "" }]],
    ["trainings", "", []],
    ["awards", "", []],
  ];
  for (const [key, answer, rows] of groups) {
    const values = rowGroupSchema(ROW_GROUPS[key]).parse({ answer, rows });
    must(await saveRowGroup(applicantId, key, values, true), `group ${key}`);
  }
}

async function send(applicantId: string): Promise<string> {
  const sent = await submitApplication(applicantId, checkOptions(), { ip: null });
  if (!sent.ok) throw new Error(`scenario submit failed: ${sent.reason}`);
  return sent.applicationNumber;
}

async function decide(
  applicantId: string,
  staffId: string,
  decision: Parameters<typeof decideApplication>[0]["decision"],
) {
  const application = await db.application.findUniqueOrThrow({
    where: { applicantId },
    select: { id: true, lockVersion: true },
  });
  const result = await decideApplication({
    staffId,
    applicationId: application.id,
    lockVersion: application.lockVersion,
    decision,
    ip: null,
  });
  if (!result.ok) throw new Error(`scenario decision failed: ${result.reason}`);
  return result;
}

async function createStaffScenario(
  input: ScenarioInput & { persona: StaffPersona },
  seed: string,
): Promise<ScenarioResult> {
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password, getEnv().BCRYPT_COST);
  const role = input.persona === "admin" ? "ADMIN" : "STAFF";
  const {
    made: staff,
    email,
    person,
  } = await withScenarioEmail(input, seed, (address, who) =>
    db.staffUser.create({
      data: {
        email: address,
        name: who.name,
        passwordHash,
        role,
        mustChangePassword: false,
        testNamespace: input.ns,
      },
      select: { id: true },
    }),
  );
  await recordAudit(db, {
    actorType: "system",
    action: "staff.created",
    targetType: "staff",
    targetId: staff.id,
    at: now(),
    details: { via: "test kit", ns: input.ns },
  });
  const landingPath = LANDING_PATHS[input.persona];
  return {
    ns: input.ns,
    persona: input.persona,
    role: input.persona === "admin" ? "admin" : "staff",
    loginId: null,
    password,
    email,
    name: person.name,
    nameKana: person.nameKana,
    applicationNumber: null,
    technicianId: null,
    status: null,
    signInUrl: landingPath
      ? await createSignInTicket({ ns: input.ns, role: "STAFF", accountId: staff.id, landingPath })
      : null,
    landingPath,
  };
}

/** Makes the persona's account (and application) and answers what a test needs. */
export async function createScenario(input: ScenarioInput): Promise<ScenarioResult> {
  const seed = input.seed ?? input.ns;
  await ensureNamespace(input.ns);
  if (input.persona === "staff" || input.persona === "admin") {
    return createStaffScenario({ ...input, persona: input.persona }, seed);
  }
  const persona = input.persona;
  // One bcrypt hash per scenario: the 申請用パスワード is also the password after the change.
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password, getEnv().BCRYPT_COST);
  const {
    made: applicant,
    email,
    person,
  } = await withScenarioEmail(input, seed, (address, who, generated) =>
    retryOnLoginIdCollision(() =>
      db.$transaction(async (tx) => {
        await lockApplicantEmail(tx, address);
        if (generated && (await hasApplicantWithEmail(tx, address))) throw new GeneratedEmailTaken();
        const issued = await writeIssuedApplicant(
          tx,
          {
            name: who.name,
            email: address,
            staffId: null,
            ip: null,
            auditDetails: { via: "test kit", ns: input.ns },
          },
          { temporaryPassword: password, passwordHash },
        );
        await tx.applicant.update({ where: { id: issued.id }, data: { testNamespace: input.ns } });
        return issued;
      }),
    ),
  );
  const id = applicant.id;
  let applicationNumber: string | null = null;
  let technicianId: string | null = null;

  if (persona === "temp-expired") {
    // As if TEMP_PASSWORD_DAYS went by unused.
    await db.applicant.update({
      where: { id },
      data: { tempPasswordExpiresAt: new Date(now().getTime() - 60_000) },
    });
  }
  if (reaches(persona, "active")) {
    const changed = await changePassword("applicant", id, password, password, null);
    if (!changed.ok) throw new Error(`scenario password change failed: ${changed.reason}`);
  }
  if (persona === "locked") {
    const policy = lockoutPolicy();
    const at = now();
    const lockedUntil = new Date(at.getTime() + policy.lockMs);
    await db.applicant.update({
      where: { id },
      data: { failedLoginCount: policy.threshold, lockedUntil },
    });
    await recordAudit(db, {
      actorType: "applicant",
      actorId: id,
      action: "account.locked",
      at,
      details: { until: lockedUntil.toISOString(), via: "test kit" },
    });
  }
  if (persona === "disabled") {
    const reviewer = await namespaceReviewer(input.ns, seed, passwordHash);
    const done = await disableApplicant(id, { staffId: reviewer, ip: null });
    if (!done.ok) throw new Error(`scenario disable failed: ${done.reason}`);
  }
  if (reaches(persona, "consented")) {
    for (const kind of ["PERSONAL_INFO", "TERMS"] as const) {
      const document = must(await findCurrentConsentDocument(kind), `consent document ${kind}`);
      await recordConsent(id, document, KIT_CONTEXT);
    }
  }
  if (reaches(persona, "simple-filled")) await fillApplication(id, person, email, "SIMPLE");
  if (persona === "detailed-filled") await fillApplication(id, person, email, "DETAILED");
  if (reaches(persona, "submitted")) {
    applicationNumber = await send(id);
    if (input.payment !== "unpaid") await payFeeForScenario(id);
  }
  if (reaches(persona, "returned")) {
    const reviewer = await namespaceReviewer(input.ns, seed, passwordHash);
    await decide(id, reviewer, {
      kind: "return",
      items: [
        {
          reasonCode: "PI_ADDRESS",
          comment: "本人確認書類の住所と一致するように、住所を入力し直してください。",
        },
        { reasonCode: "FP_UNCLEAR", comment: "顔がはっきり写った写真に差し替えてください。" },
      ],
    });
  }
  if (reaches(persona, "resubmitted")) {
    await storeImage(id, "face-photo");
    await send(id);
  }
  if (persona === "approved") {
    const reviewer = await namespaceReviewer(input.ns, seed, passwordHash);
    const decided = await decide(id, reviewer, { kind: "approve" });
    technicianId = decided.status === "COMPLETED" ? decided.technicianId : null;
  }

  const application = await db.application.findUnique({
    where: { applicantId: id },
    select: { status: true },
  });
  const landingPath = LANDING_PATHS[persona];
  return {
    ns: input.ns,
    persona,
    role: "applicant",
    loginId: applicant.loginId,
    password,
    email,
    name: person.name,
    nameKana: person.nameKana,
    applicationNumber,
    technicianId,
    status: application?.status ?? null,
    signInUrl: landingPath
      ? await createSignInTicket({ ns: input.ns, role: "APPLICANT", accountId: id, landingPath })
      : null,
    landingPath,
  };
}
