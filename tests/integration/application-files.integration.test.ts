// Uploaded images against the real database: the storage round trip, replacing a slot's file
// (deleted when never sent, kept when a sent version may refer to it), whose rows a slot may name,
// and that a sent application is not changed.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { textIn } from "@/lib/i18n/translate";
import { getEnv } from "@/lib/env";
import { generateLoginId } from "@/lib/auth/login-id";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import {
  fileUrl,
  isFileSlot,
  removeApplicationImage,
  storeApplicationImage,
} from "@/lib/files/application-files";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { fileStorage, postgresFileStorage } from "@/lib/files/storage";
import { hashPassword } from "@/lib/auth/password-hash";

async function createApplicant() {
  const applicant = await db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "画像 試験",
      email: `files-${randomUUID()}@example.test`,
      passwordHash: await hashPassword("Ky7!mPq2zR", getEnv().BCRYPT_COST),
      mustChangePassword: false,
    },
  });
  const application = await ensureDraftApplication(applicant.id);
  return { applicantId: applicant.id, applicationId: application.id };
}

async function jpegFile(color: string, name = "photo.jpg", width = 320, height = 240) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
}

const filesIn = (applicationId: string, slot: string) =>
  db.applicationFile.findMany({ where: { applicationId, slot }, orderBy: { createdAt: "asc" } });

const blobExists = async (key: string) => (await db.fileBlob.count({ where: { key } })) === 1;

const lockVersionOf = async (applicationId: string) =>
  (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).lockVersion;

function fileIdOf(result: { ok: true; fileId: string } | { ok: false; message: string }): string {
  if (!result.ok) throw new Error(result.message);
  return result.fileId;
}

describe("file storage", () => {
  it("is the PostgreSQL storage by default, and puts, gets and removes bytes under random keys", async () => {
    const storage = fileStorage();
    expect(storage).toBe(postgresFileStorage);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02, 0xfe]);
    const key = await storage.put(bytes);
    const other = await storage.put(bytes);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(other).not.toBe(key);
    expect(await storage.get(key)).toEqual(bytes);
    await storage.remove(key);
    expect(await storage.get(key)).toBeNull();
    await storage.remove(key); // removing twice is not an error
    expect(await storage.get(other)).toEqual(bytes);
    await storage.remove(other);
  });
});

describe("file slots", () => {
  it("knows the fixed slots and qualification rows by id", () => {
    for (const slot of ["face-photo", "identity-front", "identity-back", "health-insurance-proof"]) {
      expect(isFileSlot(slot), slot).toBe(true);
    }
    expect(isFileSlot(`qualification:${randomUUID()}`)).toBe(true);
    expect(isFileSlot("qualification:")).toBe(false);
    expect(isFileSlot("qualification:../../x")).toBe(false);
    expect(isFileSlot("passport")).toBe(false);
    expect(fileUrl("0b5a3c4e-1111-4222-8333-944455556666")).toBe(
      "/api/files/0b5a3c4e-1111-4222-8333-944455556666",
    );
  });
});

describe("storeApplicationImage", () => {
  it("stores the processed image, and an empty file input changes nothing", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const versionBefore = await lockVersionOf(applicationId);
    const fileId = fileIdOf(
      await storeApplicationImage(applicantId, "face-photo", await jpegFile("#aa3300", "me.jpg", 900, 1200)),
    );
    const [row] = await filesIn(applicationId, "face-photo");
    expect(row).toMatchObject({
      id: fileId,
      contentType: "image/jpeg",
      width: 294,
      height: 378,
      replacedAt: null,
    });
    const stored = await fileStorage().get(row!.storageKey);
    expect(stored?.byteLength).toBe(row!.byteSize);
    expect((await sharp(stored!).metadata()).width).toBe(294);
    expect(await lockVersionOf(applicationId)).toBe(versionBefore + 1);

    const empty = new File([], "", { type: "application/octet-stream" });
    expect(await storeApplicationImage(applicantId, "face-photo", empty)).toEqual({ ok: true, fileId });
    expect(await storeApplicationImage(applicantId, "identity-back", empty)).toEqual({
      ok: true,
      fileId: "",
    });
    expect(await filesIn(applicationId, "face-photo")).toHaveLength(1);
    expect(await filesIn(applicationId, "identity-back")).toHaveLength(0);
  });

  it("refuses a PNG renamed .jpg, a text file and an oversized file, and stores nothing", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const pngBytes = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const renamed = new File([new Uint8Array(pngBytes)], "photo.jpg", { type: "image/jpeg" });
    expect(await storeApplicationImage(applicantId, "identity-front", renamed)).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.notJpeg,
    });
    const text = new File(["名前,住所\n"], "scan.jpg", { type: "image/jpeg" });
    expect(await storeApplicationImage(applicantId, "identity-front", text)).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.notJpeg,
    });
    const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.jpg", { type: "image/jpeg" });
    const refused = await storeApplicationImage(applicantId, "identity-front", huge);
    expect(refused).toEqual({ ok: false, message: IMAGE_MESSAGES.tooLarge(5 * 1024 * 1024 + 1) });
    expect(await filesIn(applicationId, "identity-front")).toHaveLength(0);
  });

  it("deletes the replaced file and its bytes while the application was never sent", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const first = fileIdOf(
      await storeApplicationImage(applicantId, "identity-front", await jpegFile("#111")),
    );
    const [firstRow] = await filesIn(applicationId, "identity-front");
    const second = fileIdOf(
      await storeApplicationImage(applicantId, "identity-front", await jpegFile("#222")),
    );
    expect(second).not.toBe(first);
    const rows = await filesIn(applicationId, "identity-front");
    expect(rows.map((row) => row.id)).toEqual([second]);
    expect(await blobExists(firstRow!.storageKey)).toBe(false);
    expect(await blobExists(rows[0]!.storageKey)).toBe(true);
  });

  it("keeps the replaced file (replacedAt set) once a version has been sent", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const first = fileIdOf(await storeApplicationImage(applicantId, "face-photo", await jpegFile("#333")));
    await db.applicationSubmission.create({
      data: { applicationId, version: 1, registrationType: "SIMPLE", content: { faceImage: first } },
    });
    const second = fileIdOf(await storeApplicationImage(applicantId, "face-photo", await jpegFile("#444")));
    const rows = await filesIn(applicationId, "face-photo");
    expect(rows.map((row) => [row.id, row.replacedAt === null])).toEqual([
      [first, false],
      [second, true],
    ]);
    expect(await blobExists(rows[0]!.storageKey)).toBe(true);
    // The draft shows only the current file.
    const draft = await ensureDraftApplication(applicantId);
    expect(draft.files.filter((file) => file.slot === "face-photo").map((file) => file.id)).toEqual([second]);

    // Removing keeps it too.
    expect(await removeApplicationImage(applicantId, "face-photo")).toBe(true);
    const after = await filesIn(applicationId, "face-photo");
    expect(after.every((row) => row.replacedAt !== null)).toBe(true);
    expect(await blobExists(after[1]!.storageKey)).toBe(true);
  });

  it("refuses every change once the application has been sent", async () => {
    const { applicantId, applicationId } = await createApplicant();
    fileIdOf(await storeApplicationImage(applicantId, "health-insurance-proof", await jpegFile("#555")));
    await db.application.update({ where: { id: applicationId }, data: { status: "SUBMITTED" } });
    const versionBefore = await lockVersionOf(applicationId);
    const refused = await storeApplicationImage(
      applicantId,
      "health-insurance-proof",
      await jpegFile("#666"),
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && (await textIn("ja", refused.message))).toBe("送信済みの申請は変更できません。");
    expect(await removeApplicationImage(applicantId, "health-insurance-proof")).toBe(false);
    const rows = await filesIn(applicationId, "health-insurance-proof");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.replacedAt).toBeNull();
    expect(await lockVersionOf(applicationId)).toBe(versionBefore);
  });
});

describe("qualification images", () => {
  it("go only into the applicant's own 保有資格 rows", async () => {
    const a = await createApplicant();
    const b = await createApplicant();
    const row = await db.applicationQualification.create({
      data: { applicationId: a.applicationId, position: 1, name: "玉掛け技能講習" },
    });
    const slot = `qualification:${row.id}` as const;

    const bAttempt = await storeApplicationImage(b.applicantId, slot, await jpegFile("#777"));
    expect(bAttempt.ok).toBe(false);
    expect(await db.applicationFile.count({ where: { slot } })).toBe(0);

    const stored = fileIdOf(await storeApplicationImage(a.applicantId, slot, await jpegFile("#888")));
    expect(await removeApplicationImage(b.applicantId, slot)).toBe(false);
    expect((await filesIn(a.applicationId, slot)).map((file) => file.id)).toEqual([stored]);
    // An id that is no row at all.
    expect(await removeApplicationImage(a.applicantId, `qualification:${randomUUID()}`)).toBe(false);

    expect(await removeApplicationImage(a.applicantId, slot)).toBe(true);
    expect(await filesIn(a.applicationId, slot)).toHaveLength(0);
  });
});

describe("removeApplicationImage", () => {
  it("empties the slot and removes the bytes; an empty slot stays empty", async () => {
    const { applicantId, applicationId } = await createApplicant();
    fileIdOf(await storeApplicationImage(applicantId, "identity-back", await jpegFile("#999")));
    const [row] = await filesIn(applicationId, "identity-back");
    const versionBefore = await lockVersionOf(applicationId);
    expect(await removeApplicationImage(applicantId, "identity-back")).toBe(true);
    expect(await filesIn(applicationId, "identity-back")).toHaveLength(0);
    expect(await blobExists(row!.storageKey)).toBe(false);
    expect(await lockVersionOf(applicationId)).toBe(versionBefore + 1);
    expect(await removeApplicationImage(applicantId, "identity-back")).toBe(true);
  });
});
