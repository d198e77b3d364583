// The launcher's checks of what must be the same on every instance (lib/deploy/build-identity.ts):
// a malformed Server Actions key or build id stops the build, a missing one is said; at start a
// key that differs from the build's, or a declared instance without AUTH_SECRET, stops it.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkBuildSettings,
  checkStartSettings,
  isValidActionsKey,
  keyFingerprint,
  readBuildIdentity,
} from "@/lib/deploy/build-identity";

const key32 = Buffer.alloc(32, 7).toString("base64");
const key16 = Buffer.alloc(16, 1).toString("base64");

describe("isValidActionsKey", () => {
  it("takes base64 of 16, 24 or 32 bytes only", () => {
    expect(isValidActionsKey(key32)).toBe(true);
    expect(isValidActionsKey(key16)).toBe(true);
    expect(isValidActionsKey(Buffer.alloc(24).toString("base64"))).toBe(true);
    expect(isValidActionsKey(Buffer.alloc(31).toString("base64"))).toBe(false);
    expect(isValidActionsKey("not a key")).toBe(false);
    expect(isValidActionsKey("")).toBe(false);
  });
});

describe("checkBuildSettings", () => {
  it("refuses a malformed key or build id, naming the setting", () => {
    const badKey = checkBuildSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "short" });
    expect(badKey).toMatchObject({ ok: false });
    expect(!badKey.ok && badKey.message).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    const badId = checkBuildSettings({ APP_BUILD_ID: "a/b" });
    expect(!badId.ok && badId.message).toContain("APP_BUILD_ID");
  });

  it("warns, naming both, when they are missing; says nothing when both are set", () => {
    const missing = checkBuildSettings({});
    expect(missing.ok && missing.warnings[0]).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY と APP_BUILD_ID");
    expect(checkBuildSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32, APP_BUILD_ID: "abc123" })).toEqual(
      {
        ok: true,
        warnings: [],
      },
    );
  });
});

describe("checkStartSettings", () => {
  const build = { buildId: "b1", embeddedKey: key32 };

  it("refuses a key that differs from the build's, and accepts the same one", () => {
    const other = checkStartSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key16 }, build);
    expect(!other.ok && other.message).toContain("ビルドを作ったときの鍵と違う");
    expect(checkStartSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key32 }, build).ok).toBe(true);
    expect(checkStartSettings({}, build).ok).toBe(true);
  });

  it("refuses a declared instance without AUTH_SECRET", () => {
    const refused = checkStartSettings({ INSTANCE_ID: "app-1" }, build);
    expect(!refused.ok && refused.message).toContain("AUTH_SECRET");
    expect(checkStartSettings({ INSTANCE_ID: "app-1", AUTH_SECRET: "x".repeat(48) }, build).ok).toBe(true);
  });
});

describe("readBuildIdentity", () => {
  it("reads the build id and the key Next.js embedded", async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), "dist-"));
    try {
      await mkdir(path.join(dist, "server"));
      await writeFile(path.join(dist, "BUILD_ID"), "abc123\n");
      await writeFile(
        path.join(dist, "server", "server-reference-manifest.json"),
        JSON.stringify({ node: {}, edge: {}, encryptionKey: key32 }),
      );
      expect(await readBuildIdentity(dist)).toEqual({ buildId: "abc123", embeddedKey: key32 });
      expect(await readBuildIdentity(path.join(dist, "missing"))).toEqual({
        buildId: null,
        embeddedKey: null,
      });
      expect(keyFingerprint(key32)).toMatch(/^[0-9a-f]{12}$/);
      expect(keyFingerprint(key32)).not.toContain(key32.slice(0, 6));
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
