// FileStorage in an S3 bucket (Amazon S3 or an S3-compatible store: FILE_STORAGE=s3, the S3_*
// settings in docs/configuration.md), through the official AWS SDK. Credentials come from the
// SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance or task
// role), never from our own settings. Objects are written without an ACL, so they stay as private
// as the bucket (keep its public access blocked); the app serves them itself (app/api/files).
//
// The database row keeps the random key only (a UUID, as with the PostgreSQL storage); S3_PREFIX
// is where the keys live in the bucket, like the bucket itself.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { FileStorage } from "@/lib/files/storage";
import type { FileStorageSettings } from "@/lib/files/storage-settings";

type S3Settings = Extract<FileStorageSettings, { kind: "s3" }>;

/** A store that does not answer within these times counts as failed (the SDK retries first). */
const CONNECTION_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

export function createS3FileStorage(settings: S3Settings, client = createS3Client(settings)): FileStorage {
  const objectKey = (key: string) => `${settings.prefix}${key}`;
  return {
    async put(bytes) {
      const key = randomUUID();
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: "application/octet-stream",
        }),
      );
      return key;
    },
    async get(key) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }),
        );
        return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      // S3 answers 204 for a key that does not exist: removing twice is not an error.
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
    },
  };
}
