// FILE_STORAGE and the S3_* settings: what starts, and the Japanese message that stops the start.
import { describe, expect, it } from "vitest";
import { chooseFileStorage } from "@/lib/files/storage-settings";

const s3 = { FILE_STORAGE: "s3", S3_BUCKET: "ccus-uploads", S3_REGION: "ap-northeast-1" };

describe("chooseFileStorage", () => {
  it("keeps files in PostgreSQL unless FILE_STORAGE=s3", () => {
    expect(chooseFileStorage({})).toEqual({ ok: true, settings: { kind: "postgres" } });
    expect(chooseFileStorage({ FILE_STORAGE: "" })).toEqual({ ok: true, settings: { kind: "postgres" } });
    expect(chooseFileStorage({ FILE_STORAGE: "postgres", S3_BUCKET: "x" })).toEqual({
      ok: true,
      settings: { kind: "postgres" },
    });
  });

  it("reads the S3 settings: Amazon S3 by default, an S3-compatible endpoint with path-style addresses", () => {
    expect(chooseFileStorage(s3)).toEqual({
      ok: true,
      settings: {
        kind: "s3",
        bucket: "ccus-uploads",
        region: "ap-northeast-1",
        forcePathStyle: false,
        prefix: "",
      },
    });
    expect(
      chooseFileStorage({
        ...s3,
        S3_ENDPOINT: "http://127.0.0.1:9000/",
        S3_FORCE_PATH_STYLE: "on",
        S3_PREFIX: "ccus/uploads/",
      }),
    ).toEqual({
      ok: true,
      settings: {
        kind: "s3",
        bucket: "ccus-uploads",
        region: "ap-northeast-1",
        endpoint: "http://127.0.0.1:9000",
        forcePathStyle: true,
        prefix: "ccus/uploads/",
      },
    });
  });

  it("stops the start with a message that names the setting", () => {
    const refused = (source: Record<string, string>) => {
      const chosen = chooseFileStorage(source);
      if (chosen.ok) throw new Error(`accepted ${JSON.stringify(source)}`);
      return chosen.message;
    };
    expect(refused({ FILE_STORAGE: "minio" })).toBe(
      'FILE_STORAGE は postgres か s3 を指定してください（指定値: "minio"）。',
    );
    expect(refused({ FILE_STORAGE: "s3" })).toBe(
      "FILE_STORAGE=s3 の設定に誤りがあるため起動しません。S3_BUCKET（バケット名）を設定してください。S3_REGION（例: ap-northeast-1）を設定してください。",
    );
    expect(refused({ ...s3, S3_BUCKET: "CCUS_Uploads" })).toContain("S3_BUCKET はバケット名");
    expect(refused({ ...s3, S3_REGION: "Tokyo 1" })).toContain("S3_REGION はリージョン名");
    expect(refused({ ...s3, S3_ENDPOINT: "minio:9000" })).toContain("S3_ENDPOINT は http:// か https://");
    expect(refused({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toContain("S3_FORCE_PATH_STYLE は on か off");
    expect(refused({ ...s3, S3_PREFIX: "/uploads" })).toContain("S3_PREFIX");
    expect(refused({ ...s3, S3_PREFIX: "up loads/" })).toContain("S3_PREFIX");
  });
});
