// Test kit scenarios (issue 10) against a real PostgreSQL: every persona ends in its stated
// state, built through the app's own functions, in its namespace; its password really logs in
// (or is refused exactly as that state is); reset removes one namespace only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApplicant, authenticateStaff } from "@/lib/auth/authenticate";
import { createScenario, PERSONAS, personaOf, type Persona } from "@/lib/test-kit/scenarios";
import { resetTestData } from "@/lib/test-kit/reset";
import { findApplicantState } from "@/lib/test-kit/state";
import { consumeSignInTicket } from "@/lib/test-kit/sign-in-ticket";

const context = { ip: "203.0.113.77", userAgent: "vitest" };

const expected: Record<
  Persona,
  { status: string | null; login: "ok" | "must-change" | "locked" | "temp-expired" | "invalid" }
> = {
  issued: { status: null, login: "must-change" },
  active: { status: null, login: "ok" },
  consented: { status: null, login: "ok" },
  "simple-filled": { status: "DRAFT", login: "ok" },
  "detailed-filled": { status: "DRAFT", login: "ok" },
  submitted: { status: "SUBMITTED", login: "ok" },
  returned: { status: "RETURNED", login: "ok" },
  resubmitted: { status: "RESUBMITTED", login: "ok" },
  approved: { status: "COMPLETED", login: "ok" },
  locked: { status: null, login: "locked" },
  "temp-expired": { status: null, login: "temp-expired" },
  disabled: { status: null, login: "invalid" },
  staff: { status: null, login: "ok" },
  admin: { status: null, login: "ok" },
};

function ticketOf(signInUrl: string): string {
  return new URL(signInUrl).pathname.split("/").pop()!;
}

describe("personas", () => {
  it("accepts the English slug and the Japanese name", () => {
    expect(personaOf("returned")).toBe("returned");
    expect(personaOf("不備")).toBe("returned");
    expect(personaOf("管理者")).toBe("admin");
    expect(personaOf("nobody")).toBeUndefined();
  });
});

describe("createScenario", () => {
  it.each(PERSONAS)(
    "%s: the stated state, in its namespace, and its password logs in as that state allows",
    async (persona) => {
      const ns = `vt-${persona}`;
      const result = await createScenario({ persona, ns });
      expect(result.ns).toBe(ns);
      expect(result.email).toBe(`${ns}.${persona}.1@example.jp`);
      expect(result.name).toMatch(/^\S+ \S+$/);
      expect(result.nameKana).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
      expect(result.status).toBe(expected[persona].status);
      expect(result.password).not.toBe("");

      if (persona === "staff" || persona === "admin") {
        const staff = await db.staffUser.findUniqueOrThrow({ where: { email: result.email } });
        expect(staff.testNamespace).toBe(ns);
        expect(staff.role).toBe(persona === "admin" ? "ADMIN" : "STAFF");
        expect(result.role).toBe(persona);
        expect(result.landingPath).toBe("/staff");
        const login = await authenticateStaff(result.email, result.password, context);
        expect(login.ok).toBe(true);
        return;
      }

      const applicant = await db.applicant.findUniqueOrThrow({
        where: { loginId: result.loginId! },
        include: { application: true, consents: true },
      });
      expect(applicant.testNamespace).toBe(ns);
      expect(applicant.email).toBe(result.email);
      expect(applicant.application?.status ?? null).toBe(expected[persona].status);
      if (["submitted", "returned", "resubmitted", "approved"].includes(persona)) {
        expect(result.applicationNumber).toMatch(/^\d{8}-\d{6,}$/);
        expect(applicant.application?.applicationNumber).toBe(result.applicationNumber);
      }
      if (persona === "approved") expect(result.technicianId).toMatch(/^\d{12}21$/);
      else expect(result.technicianId).toBeNull();
      if (["simple-filled", "detailed-filled"].includes(persona)) {
        const files = await db.applicationFile.findMany({
          where: { applicationId: applicant.application!.id },
        });
        expect(files.map((file) => file.slot).sort()).toEqual([
          "face-photo",
          "identity-back",
          "identity-front",
        ]);
        expect(applicant.application?.registrationType).toBe(
          persona === "simple-filled" ? "SIMPLE" : "DETAILED",
        );
        expect(result.landingPath).toBe("/registration/confirm");
      }
      if (persona === "returned") {
        const review = await db.applicationReview.findFirstOrThrow({
          where: { applicationId: applicant.application!.id },
          include: { items: true },
        });
        expect(review.items).toHaveLength(2);
        expect(result.landingPath).toBe("/correction");
      }
      if (persona === "consented") expect(applicant.consents).toHaveLength(2);
      if (["locked", "temp-expired", "disabled"].includes(persona)) expect(result.signInUrl).toBeNull();
      else
        expect(result.signInUrl).toMatch(
          /^http:\/\/localhost:3000\/__test__\/sign-in\/[A-Za-z0-9_-]{43}\?next=/,
        );

      const login = await authenticateApplicant(result.loginId!, result.password, context);
      switch (expected[persona].login) {
        case "ok":
          expect(login).toMatchObject({ ok: true, mustChangePassword: false });
          break;
        case "must-change":
          expect(login).toMatchObject({ ok: true, mustChangePassword: true });
          break;
        case "locked":
          expect(login).toMatchObject({ ok: false, reason: "locked" });
          break;
        case "temp-expired":
          expect(login).toMatchObject({ ok: false, reason: "temp-expired" });
          break;
        case "invalid":
          expect(login).toMatchObject({ ok: false, reason: "invalid" });
          break;
      }
    },
  );

  it("numbers emails per namespace and persona, and is deterministic from the seed", async () => {
    const first = await createScenario({ persona: "active", ns: "vt-det-a", seed: "same" });
    const second = await createScenario({ persona: "active", ns: "vt-det-a", seed: "same" });
    const other = await createScenario({ persona: "active", ns: "vt-det-b", seed: "same" });
    expect(first.email).toBe("vt-det-a.active.1@example.jp");
    expect(second.email).toBe("vt-det-a.active.2@example.jp");
    expect(other.email).toBe("vt-det-b.active.1@example.jp");
    // Same seed, same persona and the same n: the same person.
    expect(other.name).toBe(first.name);
    expect(other.nameKana).toBe(first.nameKana);
    expect(first.loginId).not.toBe(other.loginId);
  });

  it("makes scenarios of a new namespace at once, each with its own number", async () => {
    // A suite's workers (or one test's Promise.all) ask at the same moment: the first scenarios
    // of a namespace used to race on creating the namespace and on choosing the number.
    const made = await Promise.all([
      ...Array.from({ length: 5 }, () => createScenario({ persona: "issued", ns: "vt-at-once" })),
      ...Array.from({ length: 3 }, () => createScenario({ persona: "staff", ns: "vt-at-once" })),
    ]);
    expect(
      made
        .slice(0, 5)
        .map((result) => result.email)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5].map((n) => `vt-at-once.issued.${n}@example.jp`));
    expect(
      made
        .slice(5)
        .map((result) => result.email)
        .sort(),
    ).toEqual([1, 2, 3].map((n) => `vt-at-once.staff.${n}@example.jp`));
  });

  it("takes a given name and email", async () => {
    const result = await createScenario({
      persona: "issued",
      ns: "vt-given",
      name: "試験 花子",
      email: "Given.Person@Example.jp",
    });
    expect(result.name).toBe("試験 花子");
    expect(result.email).toBe("given.person@example.jp");
  });

  it("makes sign-in tickets that are taken once", async () => {
    const result = await createScenario({ persona: "active", ns: "vt-ticket" });
    const ticket = ticketOf(result.signInUrl!);
    const stored = await db.testSignInTicket.findMany({ where: { ns: "vt-ticket" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(ticket);
    expect(await consumeSignInTicket(ticket)).toMatchObject({ ns: "vt-ticket", role: "APPLICANT" });
    expect(await consumeSignInTicket(ticket)).toBeNull();
    expect(await consumeSignInTicket("x".repeat(43))).toBeNull();
  });

  it("state: account, application, emails, notices and audit of one applicant", async () => {
    const result = await createScenario({ persona: "returned", ns: "vt-state" });
    const state = await findApplicantState(result.loginId!);
    expect(state).toMatchObject({
      loginId: result.loginId,
      ns: "vt-state",
      email: result.email,
      account: { mustChangePassword: false, disabled: false, failedLoginCount: 0, hasPendingPassword: false },
      application: {
        status: "RETURNED",
        registrationType: "SIMPLE",
        applicationNumber: result.applicationNumber,
        versions: 1,
      },
    });
    expect(state!.emails.map((email) => email.template)).toEqual(
      expect.arrayContaining(["applicant-id-issued", "password-changed", "application-received"]),
    );
    expect(state!.audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["applicant.issued", "password.changed"]),
    );
    expect(state!.notices.length).toBeGreaterThan(0);
    expect(await findApplicantState("99999999999921")).toBeNull();
  });
});

describe("resetTestData", () => {
  it("removes one namespace only and never the operator's staff", async () => {
    const operator = await db.staffUser.create({
      data: {
        email: `operator-${Date.now()}@example.jp`,
        name: "運用 職員",
        passwordHash: "x",
        role: "ADMIN",
      },
    });
    const mine = await createScenario({ persona: "returned", ns: "vt-reset-a" });
    await createScenario({ persona: "staff", ns: "vt-reset-a" });
    const theirs = await createScenario({ persona: "submitted", ns: "vt-reset-b" });
    await db.testCapturedEmail.create({
      data: {
        ns: "vt-reset-a",
        fromAddress: "a@example.jp",
        toAddress: mine.email,
        subject: "s",
        text: "t",
        html: "",
      },
    });

    const result = await resetTestData("vt-reset-a");
    // The returned persona's reviewer is a staff member of the namespace too.
    expect(result).toEqual({ ns: "vt-reset-a", deleted: { applicants: 1, staff: 2, emails: 1 } });
    expect(await db.applicant.count({ where: { testNamespace: "vt-reset-a" } })).toBe(0);
    expect(await db.staffUser.count({ where: { testNamespace: "vt-reset-a" } })).toBe(0);
    expect(await db.testNamespace.count({ where: { ns: "vt-reset-a" } })).toBe(0);
    expect(await db.applicant.count({ where: { loginId: theirs.loginId! } })).toBe(1);
    expect(await db.staffUser.count({ where: { id: operator.id } })).toBe(1);
    expect(await db.testNamespace.count({ where: { ns: "vt-reset-b" } })).toBe(1);
  });
});
