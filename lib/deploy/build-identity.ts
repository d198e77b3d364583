// What must be the same on every instance of one deployment, checked by the launcher
// (scripts/run.ts) before `next build` and `next start` (docs/deploy.md):
// - the Server Actions key (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY): a server action's id and its
//   encrypted closure are made with it, so an instance with another key answers "Failed to find
//   Server Action". Next.js embeds it in the build; set it at build time to make builds on several
//   machines agree, or build once and copy .next to every instance.
// - the build id (APP_BUILD_ID → next.config.ts generateBuildId): the pages' scripts and the client
//   router's requests name it; two builds with different ids on one balancer break navigation.
// - AUTH_SECRET: the launcher would otherwise generate one per machine.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type Check = { ok: true; warnings: string[] } | { ok: false; message: string };

const AES_KEY_BYTES = [16, 24, 32];

/** A base64 value whose bytes are an AES key (16, 24 or 32 bytes), as Next.js requires. */
export function isValidActionsKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return AES_KEY_BYTES.includes(Buffer.from(value, "base64").length);
}

/** APP_BUILD_ID goes into file paths and URLs: letters, digits, `.`, `_`, `-`. */
export function isValidBuildId(value: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(value);
}

/** A short fingerprint of the key for logs: instances can be compared without showing the key. */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

const keyHelp = "`openssl rand -base64 32` で作った値を設定してください（docs/deploy.md）";

/** Before `next build`. */
export function checkBuildSettings(env: Record<string, string | undefined>): Check {
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  const buildId = env.APP_BUILD_ID?.trim();
  if (key && !isValidActionsKey(key)) {
    return {
      ok: false,
      message: `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY が base64 の 16・24・32 バイトの鍵ではないのでビルドしません。${keyHelp}。`,
    };
  }
  if (buildId && !isValidBuildId(buildId)) {
    return {
      ok: false,
      message: `APP_BUILD_ID=${buildId.slice(0, 80)} は英数字と . _ - だけ（64 文字まで）ではないのでビルドしません。git のコミット ID のような値にしてください。`,
    };
  }
  const missing = [!key && "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", !buildId && "APP_BUILD_ID"].filter(Boolean);
  if (missing.length === 0) return { ok: true, warnings: [] };
  return {
    ok: true,
    warnings: [
      `${missing.join(" と ")} が未設定なので、このビルドだけの値で作ります。複数インスタンスでは、このビルド（.next）をそのまま全インスタンスに配ってください。マシンごとにビルドするなら、全マシンで同じ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY と APP_BUILD_ID を設定してビルドしてください（docs/deploy.md）。`,
    ],
  };
}

export interface BuildIdentity {
  buildId: string | null;
  /** The key embedded in the build (server-reference-manifest.json), if it could be read. */
  embeddedKey: string | null;
}

export async function readBuildIdentity(distDir: string): Promise<BuildIdentity> {
  const buildId = await readFile(path.join(distDir, "BUILD_ID"), "utf8")
    .then((text) => text.trim())
    .catch(() => null);
  const embeddedKey = await readFile(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")
    .then((text) => {
      const manifest = JSON.parse(text) as { encryptionKey?: unknown };
      return typeof manifest.encryptionKey === "string" ? manifest.encryptionKey : null;
    })
    .catch(() => null);
  return { buildId, embeddedKey };
}

/** Before `next start`. */
export function checkStartSettings(env: Record<string, string | undefined>, build: BuildIdentity): Check {
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (key && !isValidActionsKey(key)) {
    return {
      ok: false,
      message: `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY が base64 の 16・24・32 バイトの鍵ではないので起動しません。${keyHelp}。`,
    };
  }
  if (key && build.embeddedKey && key !== build.embeddedKey) {
    return {
      ok: false,
      message:
        "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY がこのビルドを作ったときの鍵と違うので起動しません。同じ鍵でビルドし直すか、起動時の設定を外してビルドに埋め込まれた鍵を使ってください（docs/deploy.md）。",
    };
  }
  if (!env.AUTH_SECRET?.trim() && env.INSTANCE_ID?.trim()) {
    return {
      ok: false,
      message:
        "INSTANCE_ID があるのに AUTH_SECRET が未設定なので起動しません。複数インスタンスでは全インスタンスに同じ AUTH_SECRET を設定してください（docs/deploy.md）。",
    };
  }
  const buildId = env.APP_BUILD_ID?.trim();
  const warnings: string[] = [];
  if (buildId && build.buildId && buildId !== build.buildId) {
    warnings.push(
      `APP_BUILD_ID=${buildId} ですが、.next のビルド ID は ${build.buildId} です。全インスタンスが同じビルド ID で動いているか確かめてください。`,
    );
  }
  return { ok: true, warnings };
}
