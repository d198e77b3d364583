// A page save racing 申請する / 再申請する: every save checks the status and writes in one
// transaction, with the application row locked, so nothing is written once the application is
// sent and what was sent is exactly what is stored.
//
// The interleaving is made in PostgreSQL: a second connection locks the row the save is about to
// write (its page's row), so the save stops between its status check and its write; 申請する then
// runs as far as it can, and the lock is let go.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkOptions } from "@/lib/applications/check-options";
import { buildCheckSections } from "@/lib/applications/application-check";
import {
  findApplicationOf,
  isEditableStatus,
  setRegistrationType,
} from "@/lib/applications/draft-application";
import { saveEmployer, saveJobTypes, saveSocialInsurance } from "@/lib/applications/save-groups";
import { saveIdentityDocument } from "@/lib/applications/save-identity-document";
import { savePersonalInfo } from "@/lib/applications/save-personal-info";
import { submitApplication, type SubmitResult } from "@/lib/applications/submit-application";
import { makePersonalInfoSchema } from "@/lib/schemas/personal-info";
import { employerSchema } from "@/lib/schemas/employer";
import { socialInsuranceSchema } from "@/lib/schemas/social-insurance";
import { completeSimpleApplication, personalInfoInput } from "./support/complete-application";

const context = { ip: "203.0.113.9" };

/** `side` holds the lock; `watcher` looks at who waits (outside a transaction, so it sees now). */
let side: pg.Client;
let watcher: pg.Client;
beforeAll(async () => {
  side = new pg.Client({ connectionString: process.env.DATABASE_URL });
  watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([side.connect(), watcher.connect()]);
});
afterAll(async () => {
  await Promise.all([side.end(), watcher.end()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until a backend waits for a lock held by `blockerPid`; its pid, or null once `stop()` says so. */
async function waitForBlockedBy(
  blockerPid: number,
  stop: () => boolean = () => false,
): Promise<number | null> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (stop()) return null;
    const { rows } = await watcher.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
      [blockerPid],
    );
    if (rows[0]) return rows[0].pid;
    await sleep(10);
  }
  throw new Error(`no backend waited for ${blockerPid}`);
}

/**
 * Starts `save` while `lockSql` (a SELECT … FOR UPDATE of the page's own row) is held on another
 * connection, so the save stops just before its write; then runs `send` until it is done or
 * itself waits for the save; then lets the save go on.
 */
async function raceSaveAgainstSend<T>(
  applicationId: string,
  lockSql: string,
  save: () => Promise<T>,
  send: () => Promise<SubmitResult>,
): Promise<{ saved: T; sent: SubmitResult }> {
  await side.query("BEGIN");
  let saving: Promise<T> | undefined;
  let sending: Promise<SubmitResult> | undefined;
  try {
    const locked = await side.query(lockSql, [applicationId]);
    expect(locked.rowCount).toBeGreaterThan(0);
    const { rows } = await side.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const sidePid = rows[0]!.pid;

    saving = save();
    const savePid = await waitForBlockedBy(sidePid);
    sending = send();
    let sendSettled = false;
    void sending.finally(() => (sendSettled = true)).catch(() => undefined);
    // A save that holds no lock on the application lets 申請する finish here (and then writes
    // after it); one that holds it makes 申請する wait for the save.
    await waitForBlockedBy(savePid!, () => sendSettled);
  } finally {
    await side.query("COMMIT");
  }
  const [saved, sent] = await Promise.all([saving, sending]);
  return { saved: saved as T, sent: sent };
}

/** The check page's sections as 申請する keeps them in a submitted version. */
async function currentSections(applicantId: string) {
  const application = await findApplicationOf(applicantId);
  return buildCheckSections(application!, checkOptions()).map(({ key, title, items }) => ({
    key,
    title,
    items: items.map(({ id, label, value, image }) =>
      JSON.parse(JSON.stringify({ id, label, value, image })),
    ),
  }));
}

/** Once sent, what is stored is exactly the latest submitted version. */
async function expectStoredIsWhatWasSent(applicantId: string, applicationId: string) {
  const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
  if (isEditableStatus(application.status)) return;
  const latest = await db.applicationSubmission.findFirstOrThrow({
    where: { applicationId },
    orderBy: { version: "desc" },
  });
  const content = latest.content as { sections: unknown };
  expect(await currentSections(applicantId)).toEqual(content.sections);
  expect(application.registrationType).toBe(latest.registrationType);
}

const personal = () =>
  makePersonalInfoSchema(checkOptions()).parse({ ...personalInfoInput, familyName: "佐藤" });
const insurance = () =>
  socialInsuranceSchema.parse({
    healthInsurance: "国民健康保険",
    pensionInsurance: "国民年金",
    employmentInsurance: "適用除外",
    kentaikyo: "not-joined",
    chutaikyo: "not-joined",
  });

/** Every page save of 簡略型, the row it writes, and how to find its new value in the sections. */
const pageSaves: {
  page: string;
  lockSql: string;
  save: (applicantId: string) => Promise<boolean>;
  newValue: string;
}[] = [
  {
    page: "本人情報",
    lockSql: "SELECT 1 FROM application_personal_info WHERE application_id = $1 FOR UPDATE",
    save: (applicantId) => savePersonalInfo(applicantId, personal(), true),
    newValue: "佐藤",
  },
  {
    page: "所属事業者情報",
    lockSql: "SELECT 1 FROM application_employer WHERE application_id = $1 FOR UPDATE",
    save: (applicantId) =>
      saveEmployer(
        applicantId,
        employerSchema.parse({ employmentKind: "employee", employerName: "株式会社山田建設" }),
        false,
      ),
    newValue: "株式会社山田建設",
  },
  {
    page: "職種",
    lockSql: "SELECT 1 FROM application_job_type WHERE application_id = $1 FOR UPDATE",
    save: (applicantId) => saveJobTypes(applicantId, ["09-10"]),
    newValue: "ソーラーシステム取付工",
  },
  {
    page: "社会保険",
    lockSql: "SELECT 1 FROM application_social_insurance WHERE application_id = $1 FOR UPDATE",
    save: (applicantId) => saveSocialInsurance(applicantId, insurance(), true),
    newValue: "国民健康保険",
  },
  {
    page: "本人確認書類",
    lockSql: "SELECT 1 FROM application_identity_document WHERE application_id = $1 FOR UPDATE",
    save: (applicantId) => saveIdentityDocument(applicantId, "my-number-card", true),
    newValue: "マイナンバーカード",
  },
];

const sectionsText = async (applicantId: string) => JSON.stringify(await currentSections(applicantId));

describe("a page save racing 申請する", () => {
  for (const { page, lockSql, save, newValue } of pageSaves) {
    it(`${page}: writes nothing after the send, and what was sent is what is stored`, async () => {
      const { applicant, applicationId } = await completeSimpleApplication(`race-${page}`);
      const { saved } = await raceSaveAgainstSend(
        applicationId,
        lockSql,
        () => save(applicant.id),
        () => submitApplication(applicant.id, checkOptions(), context),
      );
      await expectStoredIsWhatWasSent(applicant.id, applicationId);
      // A save that answered "saved" did save; the next 申請する sends it.
      if (saved) {
        expect(await sectionsText(applicant.id)).toContain(newValue);
        await submitApplication(applicant.id, checkOptions(), context);
        await expectStoredIsWhatWasSent(applicant.id, applicationId);
      }
    });
  }
});

describe("a page save racing 再申請する (不備)", () => {
  for (const { page, lockSql, save } of pageSaves) {
    it(`${page}: writes nothing after the resend`, async () => {
      const { applicant, applicationId } = await completeSimpleApplication(`reraces-${page}`);
      expect((await submitApplication(applicant.id, checkOptions(), context)).ok).toBe(true);
      await db.application.update({ where: { id: applicationId }, data: { status: "RETURNED" } });
      await raceSaveAgainstSend(
        applicationId,
        lockSql,
        () => save(applicant.id),
        () => submitApplication(applicant.id, checkOptions(), context),
      );
      await expectStoredIsWhatWasSent(applicant.id, applicationId);
    });
  }
});

describe("saves after the send", () => {
  it("are refused and change nothing, for every page and the registration type", async () => {
    const { applicant, applicationId } = await completeSimpleApplication("after");
    expect((await submitApplication(applicant.id, checkOptions(), context)).ok).toBe(true);
    const before = await sectionsText(applicant.id);
    for (const { save } of pageSaves) expect(await save(applicant.id)).toBe(false);
    expect(await setRegistrationType(applicant.id, "DETAILED")).toBe(false);
    expect(await sectionsText(applicant.id)).toBe(before);
    await expectStoredIsWhatWasSent(applicant.id, applicationId);
  });

  it("the registration type cannot change once sent, however the two calls interleave", async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const { applicant, applicationId } = await completeSimpleApplication(`type-race-${index}`);
        await Promise.all([
          setRegistrationType(applicant.id, "DETAILED"),
          submitApplication(applicant.id, checkOptions(), context),
        ]);
        return { applicant, applicationId };
      }),
    );
    for (const { applicant, applicationId } of runs)
      await expectStoredIsWhatWasSent(applicant.id, applicationId);
  });
});
