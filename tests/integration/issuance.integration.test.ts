// 申請用ログインID発行 against the real database: the applicant and its ID email are one
// transaction, and the temporary password exists only as a hash and as ciphertext.
import { randomUUID } from "node:crypto";
import bcrypt from "bcrypt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { findIssuedApplicant } from "@/lib/staff/find-issued-applicant";
import { openSecret } from "@/lib/mail/secret-box";
import { checkPasswordPolicy } from "@/lib/schemas/password";

const uniqueEmail = (tag: string) => `issuance-${tag}-${randomUUID()}@example.test`;
const uniqueDocumentationIpv6 = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

async function findApplicantWithHash(id: string) {
  return db.applicant.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
}

describe("issueApplicant", () => {
  it("writes the applicant and its ID email together, with the password only hashed and sealed", async () => {
    const email = uniqueEmail("ok");
    const issued = await issueApplicant({ name: "山田 太郎", email, staffId: null, ip: "192.0.2.10" });

    expect(issued.loginId).toMatch(/^\d{12}21$/);
    const applicant = await findApplicantWithHash(issued.id);
    expect(applicant).toMatchObject({
      loginId: issued.loginId,
      name: "山田 太郎",
      email,
      mustChangePassword: true,
      tempPasswordUsedAt: null,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    const days = getEnv().TEMP_PASSWORD_DAYS;
    expect(applicant.tempPasswordExpiresAt?.getTime()).toBe(applicant.issuedAt.getTime() + days * 86_400_000);

    const outbox = await db.emailOutbox.findUniqueOrThrow({ where: { id: issued.emailId } });
    expect(outbox).toMatchObject({ template: "applicant-id-issued", toAddress: email, status: "QUEUED" });
    // Created in the same transaction, at the same instant as the applicant.
    expect(outbox.createdAt.getTime()).toBe(applicant.issuedAt.getTime());
    expect(outbox.payload).toEqual({
      name: "山田 太郎",
      loginId: issued.loginId,
      loginUrl: `${getEnv().APP_URL}/login`,
      issuedAt: applicant.issuedAt.toISOString(),
      expiresAt: applicant.tempPasswordExpiresAt?.toISOString(),
    });

    // The only way back to the password is the sealed secret and the AUTH_SECRET.
    const sealed = outbox.secretPayload;
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    if (!sealed) throw new Error("secretPayload missing");
    const secret = openSecret(sealed, getEnv().AUTH_SECRET);
    expect(secret).toEqual({ temporaryPassword: expect.any(String) });
    const temporaryPassword = (secret as { temporaryPassword: string }).temporaryPassword;
    expect(checkPasswordPolicy(temporaryPassword)).toEqual([]);
    expect(JSON.stringify(outbox.payload)).not.toContain(temporaryPassword);
    expect(sealed).not.toContain(temporaryPassword);
    expect(() => openSecret(sealed, "another-secret-another-secret-0123456789")).toThrow();

    expect(applicant.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(applicant.passwordHash).not.toContain(temporaryPassword);
    expect(await bcrypt.compare(temporaryPassword, applicant.passwordHash)).toBe(true);
  });

  it("records an applicant.issued audit entry naming the applicant and its email", async () => {
    const email = uniqueEmail("audit");
    const issued = await issueApplicant({ name: "佐藤 花子", email, staffId: null, ip: "192.0.2.11" });
    const entries = await db.auditLog.findMany({
      where: { action: "applicant.issued", targetType: "applicant", targetId: issued.id },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorType: "anonymous",
      actorId: null,
      ip: "192.0.2.11",
      details: { loginId: issued.loginId, emailId: issued.emailId },
    });
  });

  it("credits the issuing staff member", async () => {
    const staff = await db.staffUser.create({
      data: {
        email: `issuance-staff-${randomUUID()}@example.test`,
        name: "職員 一郎",
        passwordHash: await bcrypt.hash("Staff-Pass-123", 4),
      },
    });
    const issued = await issueApplicant({
      name: "鈴木 次郎",
      email: uniqueEmail("staff"),
      staffId: staff.id,
      ip: null,
    });
    const applicant = await db.applicant.findUniqueOrThrow({ where: { id: issued.id } });
    expect(applicant.issuedByStaffId).toBe(staff.id);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "applicant.issued", targetId: issued.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: staff.id });
  });

  it("gives each applicant its own login ID and its own temporary password", async () => {
    const issued = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        issueApplicant({ name: `技能者 ${i}`, email: uniqueEmail(`many-${i}`), staffId: null, ip: null }),
      ),
    );
    expect(new Set(issued.map((row) => row.loginId)).size).toBe(5);
    const outbox = await db.emailOutbox.findMany({ where: { id: { in: issued.map((row) => row.emailId) } } });
    const passwords = outbox.map((row) => {
      if (!row.secretPayload) throw new Error("secretPayload missing");
      return (openSecret(row.secretPayload, getEnv().AUTH_SECRET) as { temporaryPassword: string })
        .temporaryPassword;
    });
    expect(new Set(passwords).size).toBe(5);
  });

  describe("when the outbox insert fails", () => {
    // Both address columns are VarChar(254), so no input makes the outbox insert fail while the
    // applicant insert succeeds. Instead a trigger makes PostgreSQL itself reject outbox rows for one
    // reserved domain: issueApplicant runs unmodified and the real INSERT fails inside its
    // transaction, after the applicant row was written. If the applicant were written outside that
    // transaction (or the email queued after commit), the applicant row would survive and this fails.
    // The trigger fires only for FAILING_DOMAIN, so test files running in parallel are unaffected.
    const FAILING_DOMAIN = "outbox-insert-fails.test";

    beforeAll(async () => {
      await db.$executeRawUnsafe(`
        CREATE OR REPLACE FUNCTION issuance_test_reject_outbox() RETURNS trigger AS $$
        BEGIN
          IF NEW.to_address LIKE '%@${FAILING_DOMAIN}' THEN
            RAISE EXCEPTION 'issuance test: outbox insert rejected';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`
        CREATE OR REPLACE TRIGGER issuance_test_reject_outbox BEFORE INSERT ON email_outbox
        FOR EACH ROW EXECUTE FUNCTION issuance_test_reject_outbox()`);
    });

    afterAll(async () => {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS issuance_test_reject_outbox ON email_outbox");
      await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS issuance_test_reject_outbox()");
    });

    it("leaves no applicant, no email and no audit entry behind", async () => {
      const email = `applicant-${randomUUID()}@${FAILING_DOMAIN}`;
      // A unique address marks this attempt's audit entry, should one be written.
      const ip = uniqueDocumentationIpv6();

      await expect(issueApplicant({ name: "失敗 三郎", email, staffId: null, ip })).rejects.toThrow(
        /outbox insert rejected/,
      );

      expect(await db.applicant.count({ where: { email } })).toBe(0);
      expect(await db.emailOutbox.count({ where: { toAddress: email } })).toBe(0);
      expect(await db.auditLog.count({ where: { ip } })).toBe(0);
    });

    it("still issues for other addresses (the failure was the outbox, not the applicant)", async () => {
      const email = uniqueEmail("control");
      const issued = await issueApplicant({ name: "成功 四郎", email, staffId: null, ip: null });
      expect(await db.applicant.count({ where: { email } })).toBe(1);
      expect(await db.emailOutbox.count({ where: { id: issued.emailId } })).toBe(1);
    });
  });
});

describe("findIssuedApplicant (the issuance result page)", () => {
  it("finds the applicant and the state of its ID email", async () => {
    const issued = await issueApplicant({
      name: "結果 五郎",
      email: uniqueEmail("result"),
      staffId: null,
      ip: null,
    });
    const found = await findIssuedApplicant(issued.id);
    expect(found?.applicant).toMatchObject({ id: issued.id, loginId: issued.loginId, name: "結果 五郎" });
    expect(found?.email).toEqual({ status: "QUEUED", sentAt: null });
  });

  it("answers nothing (the page's 404) for an unknown id and for an id that is not a UUID", async () => {
    expect(await findIssuedApplicant(randomUUID())).toBeNull();
    // 36 characters from the UUID alphabet but not a UUID: the database would refuse it with an error.
    for (const id of ["-".repeat(36), "a".repeat(36), "not-a-uuid"])
      expect(await findIssuedApplicant(id)).toBeNull();
  });
});
