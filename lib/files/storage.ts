// Where the bytes of uploaded files live. Everything else (which application, which slot, size,
// hash) is in ApplicationFile; this module only keeps opaque blobs under random keys.
//
// The default keeps the bytes in PostgreSQL (the FileBlob table), so nothing has to be installed
// next to the database; FILE_STORAGE=s3 keeps them in an S3 bucket (lib/files/s3-storage.ts), which
// several app instances share. fileStorage() below is the one place the implementation is chosen.
// Callers never assume a transaction around put/remove: they put before the database change that
// refers to the key and remove after it has committed (removeStoredFiles), which is what an object
// store allows too. So a failed put leaves no row, and a failed remove leaves only an object that
// no row names.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { chooseFileStorage, type FileStorageSettings } from "@/lib/files/storage-settings";
import { log } from "@/lib/log";

export interface FileStorage {
  /** Stores the bytes under a new random key and returns the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Forgets the key; removing a key that does not exist is not an error. */
  remove(key: string): Promise<void>;
}

/** FileStorage in the FileBlob table of the application's own database. */
export const postgresFileStorage: FileStorage = {
  async put(bytes) {
    const key = randomUUID();
    await db.fileBlob.create({ data: { key, bytes: new Uint8Array(bytes) } });
    return key;
  },
  async get(key) {
    const row = await db.fileBlob.findUnique({ where: { key }, select: { bytes: true } });
    return row ? new Uint8Array(row.bytes) : null;
  },
  async remove(key) {
    await db.fileBlob.deleteMany({ where: { key } });
  },
};

/** The S3 storage, with the AWS SDK loaded at its first use only (never with FILE_STORAGE=postgres). */
function s3FileStorage(settings: Extract<FileStorageSettings, { kind: "s3" }>): FileStorage {
  let loaded: Promise<FileStorage> | undefined;
  const storage = () =>
    (loaded ??= import("@/lib/files/s3-storage").then((module) => module.createS3FileStorage(settings)));
  return {
    put: async (bytes) => (await storage()).put(bytes),
    get: async (key) => (await storage()).get(key),
    remove: async (key) => (await storage()).remove(key),
  };
}

let chosen: FileStorage | undefined;

/** The storage FILE_STORAGE names (checked at start, lib/instrumentation-node.ts). */
export function fileStorage(): FileStorage {
  if (chosen) return chosen;
  const choice = chooseFileStorage(process.env);
  if (!choice.ok) throw new Error(choice.message);
  chosen = choice.settings.kind === "s3" ? s3FileStorage(choice.settings) : postgresFileStorage;
  return chosen;
}

/**
 * Removes the bytes of rows that are already gone (after their transaction committed). A store
 * that fails now must not undo what the user did: the object stays behind, named by no row, and
 * is logged (its key only) so that an operator can delete it.
 */
export async function removeStoredFiles(keys: readonly string[]): Promise<void> {
  const storage = fileStorage();
  for (const key of keys) {
    try {
      await storage.remove(key);
    } catch (error) {
      log.error("file storage: could not remove a file, left behind", {
        key,
        errorName: (error as Error).name,
      });
    }
  }
}
