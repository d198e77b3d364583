// The per-applicant image upload limit (UPLOAD_LIMIT_PER_HOUR): past it, a picked image is
// refused with a message for the field and nothing is stored; other applicants are not affected,
// and the next hour takes images again.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { textIn } from "@/lib/i18n/translate";
import { setClockOffset } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { generateLoginId } from "@/lib/auth/login-id";
import { ensureDraftApplication } from "@/lib/applications/draft-application";
import { storeApplicationImage } from "@/lib/files/application-files";
import { storePickedImages } from "@/lib/files/form-images";
import { postgresFileStorage } from "@/lib/files/storage";

// Read once by getEnv() on first use, which is after this line.
process.env.UPLOAD_LIMIT_PER_HOUR = "3";

async function createApplicant() {
  const applicant = await db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "画像 上限",
      email: `upload-rate-${randomUUID()}@example.test`,
      passwordHash: "not-used",
      mustChangePassword: false,
    },
  });
  const application = await ensureDraftApplication(applicant.id);
  return { applicantId: applicant.id, applicationId: application.id };
}

async function jpegFile() {
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#336699" } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "photo.jpg", { type: "image/jpeg" });
}

const fileRows = (applicationId: string) =>
  db.applicationFile.findMany({ where: { applicationId }, select: { id: true }, orderBy: { id: "asc" } });

/** Every byte stored goes through put(); other test files store at the same time, so count calls. */
const put = vi.spyOn(postgresFileStorage, "put");

afterEach(() => {
  setClockOffset(0);
  put.mockClear();
});

describe("image upload limit per applicant", () => {
  it("is read from UPLOAD_LIMIT_PER_HOUR", () => {
    expect(getEnv().UPLOAD_LIMIT_PER_HOUR).toBe(3);
  });

  it("refuses the image past the limit with a message, stores nothing, and takes images again an hour later", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const file = await jpegFile();
    for (let i = 0; i < 3; i++) {
      expect((await storeApplicationImage(applicantId, "face-photo", file)).ok).toBe(true);
    }
    const before = await fileRows(applicationId);
    put.mockClear();
    const refused = await storeApplicationImage(applicantId, "face-photo", file);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(await textIn("ja", refused.message)).toMatch(
      /^画像の送信が多すぎるため、この画像は保存していません（1時間に3枚まで）。約\d+分後に/,
    );
    expect(put).not.toHaveBeenCalled();
    expect(await fileRows(applicationId)).toEqual(before);

    // Another applicant has a limit of their own.
    const other = await createApplicant();
    expect((await storeApplicationImage(other.applicantId, "face-photo", file)).ok).toBe(true);

    setClockOffset(61 * 60 * 1000);
    expect((await storeApplicationImage(applicantId, "face-photo", file)).ok).toBe(true);
  });

  it("puts the message on the image's own field of the form, as other image errors", async () => {
    const { applicantId, applicationId } = await createApplicant();
    const formData = new FormData();
    formData.set("identityFront", await jpegFile());
    formData.set("identityBack", await jpegFile());
    const inputs = [
      { name: "identityFront", slot: "identity-front" },
      { name: "identityBack", slot: "identity-back" },
    ] as const;
    const first = await storePickedImages(applicantId, formData, inputs);
    expect(first).toMatchObject({ changed: true, fieldErrors: {} });

    // Two more: the first of them is the third image this hour, the second one too many.
    const backBefore = await db.applicationFile.findMany({ where: { applicationId, slot: "identity-back" } });
    put.mockClear();
    const second = await storePickedImages(applicantId, formData, inputs);
    expect(second.formError).toBeUndefined();
    expect(Object.keys(second.fieldErrors)).toEqual(["identityBack"]);
    expect(await textIn("ja", second.fieldErrors.identityBack?.[0] ?? "")).toMatch(
      /^画像の送信が多すぎるため/,
    );
    // identity-front was replaced; identity-back is as it was, and its bytes were never stored.
    expect(put).toHaveBeenCalledTimes(1);
    expect(await db.applicationFile.findMany({ where: { applicationId, slot: "identity-back" } })).toEqual(
      backBefore,
    );
  });

  it("does not count an empty file input", async () => {
    const { applicantId } = await createApplicant();
    const empty = new File([], "", { type: "application/octet-stream" });
    for (let i = 0; i < 5; i++) {
      expect((await storeApplicationImage(applicantId, "face-photo", empty)).ok).toBe(true);
    }
    expect((await storeApplicationImage(applicantId, "face-photo", await jpegFile())).ok).toBe(true);
  });
});
