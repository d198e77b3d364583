// The images of the applicant's own application, one current file per slot. Callers pass the
// signed-in applicant's id only: the application, and for a 資格 image its row, are found here,
// so a form can never name someone else's application or file.
import "server-only";
import {
  ensureDraftApplication,
  isEditableFor,
  lockDraftApplication,
  type ApplicationWithContent,
  type EditScope,
} from "@/lib/applications/draft-application";
import { now } from "@/lib/clock";
import { db, type DbTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { IMAGE_CONTENT_TYPE, IMAGE_MESSAGES, isPickedFile, MAX_IMAGE_BYTES } from "@/lib/files/image-rules";
import { processImage } from "@/lib/files/process-image";
import { fileStorage, removeStoredFiles } from "@/lib/files/storage";
import { log } from "@/lib/log";
import { uploadFaultFails } from "@/lib/test-kit/faults";

export type FileSlot =
  "face-photo" | "identity-front" | "identity-back" | "health-insurance-proof" | `qualification:${string}`;

const FIXED_SLOTS: readonly string[] = [
  "face-photo",
  "identity-front",
  "identity-back",
  "health-insurance-proof",
];
const QUALIFICATION_PREFIX = "qualification:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A known slot; "qualification:<id>" only with a well-formed row id. */
export function isFileSlot(value: string): value is FileSlot {
  if (FIXED_SLOTS.includes(value)) return true;
  return value.startsWith(QUALIFICATION_PREFIX) && UUID.test(value.slice(QUALIFICATION_PREFIX.length));
}

/** "/api/files/<id>" (defined in a browser-safe module so client components can use it too). */
export { fileUrl } from "@/lib/files/file-url";

type Refusal = { ok: false; message: string };
const NOT_EDITABLE: Refusal = { ok: false, message: IMAGE_MESSAGES.notEditable };
const BAD_SLOT: Refusal = { ok: false, message: IMAGE_MESSAGES.saveFailed };

/** Thrown inside a transaction to roll it back with a message for the user. */
class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * Inside a transaction: takes the application's row lock (so writes to its slots happen one at a
 * time), bumps lockVersion, and checks that the application is still 入力中 and that a
 * qualification slot names one of its own rows.
 */
/** A 資格 image belongs to a 詳細型 group: it may change during 詳細型への移行 too. */
function scopeOf(slot: FileSlot): EditScope {
  return slot.startsWith(QUALIFICATION_PREFIX) ? "detailed" : "all";
}

async function lockEditableSlot(tx: DbTransaction, applicationId: string, slot: FileSlot) {
  if (!(await lockDraftApplication(tx, applicationId, scopeOf(slot)))) throw new RefusedError(NOT_EDITABLE);
  if (slot.startsWith(QUALIFICATION_PREFIX)) {
    const row = await tx.applicationQualification.findFirst({
      where: { id: slot.slice(QUALIFICATION_PREFIX.length), applicationId },
      select: { id: true },
    });
    if (!row) throw new RefusedError(BAD_SLOT);
  }
}

/**
 * Takes the current files of the slots out of the application (a replaced image, a removed row). A file that a submitted version may
 * refer to (the application has been sent before) is kept with replacedAt set; otherwise the row
 * goes and its storage key is returned, to be removed once the transaction has committed.
 */
export async function retireCurrentFiles(
  tx: DbTransaction,
  applicationId: string,
  slots: readonly string[],
): Promise<string[]> {
  if (slots.length === 0) return [];
  const current = await tx.applicationFile.findMany({
    where: { applicationId, slot: { in: [...slots] }, replacedAt: null },
    select: { id: true, storageKey: true },
  });
  if (current.length === 0) return [];
  const ids = current.map((file) => file.id);
  const hasSubmissions = (await tx.applicationSubmission.count({ where: { applicationId } })) > 0;
  if (hasSubmissions) {
    await tx.applicationFile.updateMany({ where: { id: { in: ids } }, data: { replacedAt: now() } });
    return [];
  }
  await tx.applicationFile.deleteMany({ where: { id: { in: ids } } });
  return current.map((file) => file.storageKey);
}

/**
 * Checks that the slot may be written, before any bytes are processed or stored (and again,
 * under the row lock, in the transaction that writes).
 */
async function editableApplicationFor(
  applicantId: string,
  slot: FileSlot,
): Promise<{ ok: true; application: ApplicationWithContent } | Refusal> {
  if (!isFileSlot(slot)) return BAD_SLOT;
  const application = await ensureDraftApplication(applicantId);
  if (!isEditableFor(application, scopeOf(slot))) return NOT_EDITABLE;
  if (slot.startsWith(QUALIFICATION_PREFIX)) {
    const rowId = slot.slice(QUALIFICATION_PREFIX.length);
    if (!application.qualifications.some((row) => row.id === rowId)) return BAD_SLOT;
  }
  return { ok: true, application };
}

const UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/**
 * Counts one image sent by the applicant (UPLOAD_LIMIT_PER_HOUR, a fixed one-hour window shared
 * by every server process); the message to show when it is one too many.
 */
async function uploadRefusal(applicantId: string): Promise<Refusal | null> {
  const limit = getEnv().UPLOAD_LIMIT_PER_HOUR;
  const hit = await hitRateLimit(db, `upload:${applicantId}`, limit, UPLOAD_WINDOW_MS, now());
  return hit.allowed
    ? null
    : { ok: false, message: IMAGE_MESSAGES.tooManyUploads(limit, hit.retryAfterSeconds) };
}

/**
 * Stores a picked image in a slot of the applicant's own editable (入力中 or 不備) application, replacing the slot's
 * current file. An empty file input (0 bytes) means "no new file" and is not an error: the answer
 * is then ok with the slot's current file id, or "" when the slot is empty.
 */
export async function storeApplicationImage(
  applicantId: string,
  slot: FileSlot,
  file: File,
): Promise<{ ok: true; fileId: string } | { ok: false; message: string }> {
  const found = await editableApplicationFor(applicantId, slot);
  if (!found.ok) return found;
  const { application } = found;

  if (!isPickedFile(file)) {
    const current = application.files.find((row) => row.slot === slot);
    return { ok: true, fileId: current?.id ?? "" };
  }
  // Test kit fault (issue 10): slow, or failing with the ordinary "could not save" message.
  if (await uploadFaultFails()) return { ok: false, message: IMAGE_MESSAGES.saveFailed };
  // Every picked file counts, before it is read or decoded; a refused one stores nothing.
  const tooMany = await uploadRefusal(applicantId);
  if (tooMany) return tooMany;
  // Refused before reading, so an oversized file is never held in memory twice.
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, message: IMAGE_MESSAGES.tooLarge(file.size) };

  const processed = await processImage(
    new Uint8Array(await file.arrayBuffer()),
    slot === "face-photo" ? "face-photo" : "document",
  );
  if (!processed.ok) return processed;
  const { image } = processed;

  // A store that is unreachable, full or failing refuses this image only: no row is written, so
  // nothing names bytes that were never stored, and the page says so beside the field.
  let storageKey: string;
  try {
    storageKey = await fileStorage().put(image.bytes);
  } catch (error) {
    log.error("file storage: could not store an image", {
      error: `${(error as Error).name}: ${(error as Error).message}`,
    });
    return { ok: false, message: IMAGE_MESSAGES.storeUnavailable };
  }
  try {
    const { fileId, retiredKeys } = await db.$transaction(async (tx) => {
      await lockEditableSlot(tx, application.id, slot);
      const retired = await retireCurrentFiles(tx, application.id, [slot]);
      const row = await tx.applicationFile.create({
        data: {
          applicationId: application.id,
          slot,
          storageKey,
          contentType: IMAGE_CONTENT_TYPE,
          byteSize: image.bytes.byteLength,
          width: image.width,
          height: image.height,
          sha256: image.sha256,
        },
        select: { id: true },
      });
      return { fileId: row.id, retiredKeys: retired };
    });
    await removeStoredFiles(retiredKeys);
    return { ok: true, fileId };
  } catch (error) {
    await removeStoredFiles([storageKey]);
    if (error instanceof RefusedError) return error.refusal;
    throw error;
  }
}

/**
 * Empties a slot of the applicant's own editable (入力中 or 不備) application. True when the slot is now empty
 * (also when it already was); false when refused: the application is no longer 入力中, or the
 * slot is not one of this application's.
 */
export async function removeApplicationImage(applicantId: string, slot: FileSlot): Promise<boolean> {
  const found = await editableApplicationFor(applicantId, slot);
  if (!found.ok) return false;
  try {
    const retiredKeys = await db.$transaction(async (tx) => {
      await lockEditableSlot(tx, found.application.id, slot);
      return retireCurrentFiles(tx, found.application.id, [slot]);
    });
    await removeStoredFiles(retiredKeys);
    return true;
  } catch (error) {
    if (error instanceof RefusedError) return false;
    throw error;
  }
}
