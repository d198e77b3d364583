// Consent documents are versioned rows loaded from files; a new version asks for consent again,
// and a published version never changes.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import {
  findConsentState,
  findCurrentConsentDocument,
  publishConsentFiles,
} from "@/lib/consents/consent-documents";
import { consentContentHash, parseConsentFile } from "@/lib/consents/consent-files";
import { recordConsent } from "@/lib/consents/record-consent";

const context = { ip: "203.0.113.9", userAgent: "vitest" };
const newApplicant = (name: string, email: string) =>
  issueApplicant({ name, email, staffId: null, ip: null });
const directories: string[] = [];

afterAll(async () => {
  await Promise.all(directories.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function consentFolder(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "consents-"));
  directories.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe("consent files", () => {
  it("reads kind, version, title and body, and hashes title and body", () => {
    const file = parseConsentFile("terms.v3.md", "# 利用規約\n\n本文です。\n");
    expect(file).toEqual({
      kind: "TERMS",
      version: 3,
      title: "利用規約",
      body: "本文です。",
      contentHash: consentContentHash("利用規約", "本文です。"),
    });
    expect(parseConsentFile("README.md", "# x")).toBeNull();
    expect(parseConsentFile("other.v1.md", "# x")).toBeNull();
  });
});

describe("consent versions", () => {
  it("asks for consent again when a new version is published, and keeps each version unchanged", async () => {
    const applicant = await newApplicant("同意 試験", "consent@example.jp");

    // The shipped documents (data/consents) are the current versions at first.
    const shippedTerms = await findCurrentConsentDocument("TERMS");
    expect(shippedTerms?.version).toBe(1);
    expect(await findConsentState(applicant.id)).toEqual({ PERSONAL_INFO: false, TERMS: false });

    await recordConsent(applicant.id, shippedTerms!, context);
    await recordConsent(applicant.id, shippedTerms!, context); // a repeated post adds nothing
    expect(await findConsentState(applicant.id)).toEqual({ PERSONAL_INFO: false, TERMS: true });
    const records = await db.consentRecord.findMany({ where: { applicantId: applicant.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: "TERMS",
      version: 1,
      contentHash: shippedTerms!.contentHash,
      shownLocale: "ja",
      ip: "203.0.113.9",
      userAgent: "vitest",
    });

    // An operator publishes version 9 of the terms: consent is needed again.
    await publishConsentFiles(
      await consentFolder({ "terms.v9.md": "# システム利用規約\n\n第9版の本文。\n" }),
    );
    const v9 = await findCurrentConsentDocument("TERMS");
    expect(v9?.version).toBe(9);
    expect(await findConsentState(applicant.id)).toEqual({ PERSONAL_INFO: false, TERMS: false });
    await recordConsent(applicant.id, v9!, context);
    expect(await findConsentState(applicant.id)).toEqual({ PERSONAL_INFO: false, TERMS: true });

    // Editing a published version's file does not change what was published.
    const complaint = vi.spyOn(console, "error").mockImplementation(() => {});
    await publishConsentFiles(
      await consentFolder({ "terms.v9.md": "# システム利用規約\n\n書き換えた本文。\n" }),
    );
    expect(complaint).toHaveBeenCalledWith(expect.stringContaining("cannot change"));
    complaint.mockRestore();
    const stored = await db.consentDocument.findUniqueOrThrow({
      where: { kind_version: { kind: "TERMS", version: 9 } },
    });
    expect(stored.body).toBe("第9版の本文。");
  });
});

describe("the language the consent page was shown in (issue 15)", () => {
  it("is recorded beside the Japanese text's hash, which still binds", async () => {
    const applicant = await newApplicant("同意 言語", "consent-locale@example.jp");
    const personalInfo = await findCurrentConsentDocument("PERSONAL_INFO");
    const terms = await findCurrentConsentDocument("TERMS");
    await recordConsent(applicant.id, personalInfo!, context, "vi");
    await recordConsent(applicant.id, terms!, context, "ja-x-easy");
    // A repeated post in another language changes nothing: the first consent stays as given.
    await recordConsent(applicant.id, terms!, context, "en");

    const records = await db.consentRecord.findMany({
      where: { applicantId: applicant.id },
      orderBy: { kind: "asc" },
    });
    expect(records.map(({ kind, contentHash, shownLocale }) => ({ kind, contentHash, shownLocale }))).toEqual(
      [
        { kind: "PERSONAL_INFO", contentHash: personalInfo!.contentHash, shownLocale: "vi" },
        { kind: "TERMS", contentHash: terms!.contentHash, shownLocale: "ja-x-easy" },
      ],
    );
    const audits = await db.auditLog.findMany({
      where: { actorId: applicant.id, action: "consent.given" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((audit) => audit.details)).toEqual([
      { kind: "PERSONAL_INFO", version: personalInfo!.version, shownLocale: "vi" },
      { kind: "TERMS", version: terms!.version, shownLocale: "ja-x-easy" },
    ]);
  });
});
