// Where the bytes of uploaded files live. Everything else (which application, which slot, size,
// hash) is in ApplicationFile; this module only keeps opaque blobs under random keys.
//
// The default keeps the bytes in PostgreSQL (the FileBlob table), so nothing has to be installed
// next to the database. An object store (S3 and the like) can replace it later: write another
// FileStorage with the same three methods and return it from fileStorage() below, the one place
// the implementation is chosen. Callers never assume a transaction around put/remove: they put
// before the database change that refers to the key and remove after it has committed, which is
// what an object store allows too.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

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

/** The storage in use. Change this one line to move the bytes elsewhere. */
export function fileStorage(): FileStorage {
  return postgresFileStorage;
}
