// The launcher's checks for several instances (docs/deploy.md, lib/deploy/build-identity.ts), run
// for real: a malformed Server Actions key or build id stops `build` before Next.js starts
// building, and `start` of a declared instance (INSTANCE_ID) without AUTH_SECRET stops before the
// database — neither touches .next or starts anything.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeLauncherFolders, runLauncher as runLauncherWith } from "./support/run-launcher";

afterAll(removeLauncherFolders);

const runLauncher = (command: string, extra: Record<string, string>) =>
  runLauncherWith(command, {
    defaults: { EMBEDDED_PG_PORT: "54997" },
    extra,
    unset: [
      "DATABASE_URL",
      "AUTH_SECRET",
      "INSTANCE_ID",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "APP_BUILD_ID",
    ],
  });

describe("npm run build", () => {
  it(
    "refuses a Server Actions key that is not base64 of 16, 24 or 32 bytes",
    { timeout: 40_000 },
    async () => {
      const result = await runLauncher("build", { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "too-short" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
      expect(result.stderr).toContain("openssl rand -base64 32");
      expect(result.stdout).not.toContain("Creating an optimized production build");
    },
  );

  it("refuses an APP_BUILD_ID that cannot be a build id", { timeout: 40_000 }, async () => {
    const result = await runLauncher("build", { APP_BUILD_ID: "v1/../x" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("APP_BUILD_ID");
  });
});

describe("npm start", () => {
  it(
    "refuses a declared instance without AUTH_SECRET, before any database",
    { timeout: 40_000 },
    async () => {
      const result = await runLauncher("start", { INSTANCE_ID: "app-1", SMTP_URL: "smtp://127.0.0.1:2525" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("AUTH_SECRET");
      expect(result.stderr).not.toContain("at ");
      expect(existsSync(path.join(result.dataDir, "pg"))).toBe(false);
      expect(existsSync(path.join(result.dataDir, "auth-secret"))).toBe(false);
    },
  );
});
