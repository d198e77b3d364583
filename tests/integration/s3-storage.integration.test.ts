// FILE_STORAGE=s3 against a real S3-compatible server (s3rver, in its own process, on a tmpfs:
// scripts/bench/support/full-disk-store.ts, mounted as root or in an unprivileged user namespace): the storage round trip,
// uploads through the storage the settings choose, and a store that really fails — stopped
// (connection refused) and with its disk full. A refused upload writes no row and keeps the
// slot's current image; a removal the store cannot do still takes the image out of the application.
import { randomUUID } from "node:crypto";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { removeApplicationImage, storeApplicationImage } from "@/lib/files/application-files";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { textIn } from "@/lib/i18n/translate";
import { fileStorage, postgresFileStorage } from "@/lib/files/storage";
import { startFullDiskStore, type FullDiskStore } from "@/scripts/bench/support/full-disk-store";

const PREFIX = "uploads/";
let store: FullDiskStore;
let client: S3Client;

beforeAll(async () => {
  store = await startFullDiskStore({ sizeKb: 16 * 1024 });
  Object.assign(process.env, store.env, { S3_PREFIX: PREFIX });
  client = new S3Client({
    region: store.env.S3_REGION,
    endpoint: store.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});

afterAll(async () => {
  client?.destroy();
  await store?.close();
});

// A test that stops or fills the store leaves it working for the next one.
afterEach(async () => {
  await store.free();
  if (!store.isRunning()) await store.start();
});

/** The keys in the bucket, as S3 lists them. */
async function bucketKeys(): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: store.bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "");
}

async function createApplicant() {
  const applicant = await issueApplicant({
    name: "保存先 試験",
    email: `s3-${randomUUID().slice(0, 8)}@example.test`,
    staffId: null,
    ip: null,
  });
  const application = await ensureDraftApplication(applicant.id);
  return { applicantId: applicant.id, applicationId: application.id };
}

async function jpegFile(color: string) {
  const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "scan.jpg", { type: "image/jpeg" });
}

const currentFiles = (applicationId: string, slot: string) =>
  db.applicationFile.findMany({ where: { applicationId, slot, replacedAt: null } });

describe("S3 file storage (s3rver)", () => {
  it("is chosen by FILE_STORAGE=s3 and puts, gets and removes bytes under random keys in S3_PREFIX", async () => {
    const storage = fileStorage();
    expect(storage).not.toBe(postgresFileStorage);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02, 0xfe]);
    const key = await storage.put(bytes);
    const other = await storage.put(bytes);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(other).not.toBe(key);
    expect(await bucketKeys()).toEqual(expect.arrayContaining([`${PREFIX}${key}`, `${PREFIX}${other}`]));
    expect(await db.fileBlob.count({ where: { key: { in: [key, other] } } })).toBe(0);
    expect(await storage.get(key)).toEqual(bytes);

    await storage.remove(key);
    expect(await storage.get(key)).toBeNull();
    await storage.remove(key); // removing twice is not an error
    expect(await storage.get(randomUUID())).toBeNull();
    expect(await storage.get(other)).toEqual(bytes);
    await storage.remove(other);
    expect(await bucketKeys()).not.toContain(`${PREFIX}${other}`);
  });

  it("stores an uploaded image in the bucket and deletes the replaced one there", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const first = await storeApplicationImage(applicantId, "identity-front", await jpegFile("#336699"));
    expect(first.ok).toBe(true);
    const [row] = await currentFiles(applicationId, "identity-front");
    const bytes = await fileStorage().get(row!.storageKey);
    expect(bytes?.byteLength).toBe(row!.byteSize);
    expect((await sharp(bytes!).metadata()).format).toBe("jpeg");

    const second = await storeApplicationImage(applicantId, "identity-front", await jpegFile("#993366"));
    expect(second.ok).toBe(true);
    const keys = await bucketKeys();
    expect(keys).not.toContain(`${PREFIX}${row!.storageKey}`);
    const [replacement] = await currentFiles(applicationId, "identity-front");
    expect(keys).toContain(`${PREFIX}${replacement!.storageKey}`);
  });
});

describe("a failing upload store", () => {
  it("stopped: the upload is refused with the Japanese message, nothing is written, the current image stays", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const stored = await storeApplicationImage(applicantId, "face-photo", await jpegFile("#cc8844"));
    expect(stored.ok).toBe(true);
    const [before] = await currentFiles(applicationId, "face-photo");
    const objectsBefore = await store.objectCount();

    await store.stop();
    const refused = await storeApplicationImage(applicantId, "face-photo", await jpegFile("#4488cc"));
    expect(refused).toEqual({ ok: false, message: IMAGE_MESSAGES.storeUnavailable });
    expect(await textIn("ja", IMAGE_MESSAGES.storeUnavailable)).toContain("画像の保存先に接続できない");
    expect(await textIn("en", IMAGE_MESSAGES.storeUnavailable)).toContain("image storage cannot be reached");
    expect(await currentFiles(applicationId, "face-photo")).toEqual([before]);
    await expect(fileStorage().get(before!.storageKey)).rejects.toThrow();

    await store.start();
    expect(await store.objectCount()).toBe(objectsBefore);
    expect((await fileStorage().get(before!.storageKey))?.byteLength).toBe(before!.byteSize);
    const again = await storeApplicationImage(applicantId, "face-photo", await jpegFile("#4488cc"));
    expect(again.ok).toBe(true);
  });

  it("disk full: the upload is refused, no row names bytes that were not stored, and it works once space returns", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const objectsBefore = await store.objectCount();

    await store.fill();
    const refused = await storeApplicationImage(applicantId, "identity-back", await jpegFile("#55aa55"));
    expect(refused).toEqual({ ok: false, message: IMAGE_MESSAGES.storeUnavailable });
    expect(await currentFiles(applicationId, "identity-back")).toEqual([]);
    expect(await store.objectCount()).toBe(objectsBefore);

    await store.free();
    const stored = await storeApplicationImage(applicantId, "identity-back", await jpegFile("#55aa55"));
    expect(stored.ok).toBe(true);
    const [row] = await currentFiles(applicationId, "identity-back");
    expect((await fileStorage().get(row!.storageKey))?.byteLength).toBe(row!.byteSize);
  });

  it("stopped while an image is removed: the image leaves the application, its object is left behind", async () => {
    const { applicantId, applicationId } = await createApplicant();
    expect((await storeApplicationImage(applicantId, "identity-front", await jpegFile("#777777"))).ok).toBe(
      true,
    );
    const [row] = await currentFiles(applicationId, "identity-front");

    await store.stop();
    expect(await removeApplicationImage(applicantId, "identity-front")).toBe(true);
    expect(await db.applicationFile.count({ where: { applicationId } })).toBe(0);

    await store.start();
    expect(await bucketKeys()).toContain(`${PREFIX}${row!.storageKey}`);
  });
});
