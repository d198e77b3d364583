// The launcher refuses test mode (issue 10) before it starts a database: without a token of 32+
// characters, or with a DATABASE_URL on another host unless TEST_MODE_ALLOW_REMOTE_DB=yes.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeLauncherFolders, runLauncher as runLauncherWith } from "./support/run-launcher";
import { checkTestModeAtStartup } from "@/lib/env";

afterAll(removeLauncherFolders);

const token = "k".repeat(40);

const runLauncher = (command: string, extra: Record<string, string>) =>
  runLauncherWith(command, {
    defaults: { EMBEDDED_PG_PORT: "54998", MAIL_TRANSPORT: "file" },
    extra,
    unset: ["SMTP_URL", "DATABASE_URL", "NODE_ENV", "TEST_API_TOKEN", "TEST_MODE_ALLOW_REMOTE_DB"],
  });

describe("launcher in test mode", () => {
  for (const command of ["start", "dev"]) {
    it(`${command} refuses a remote DATABASE_URL, before any database`, { timeout: 40_000 }, async () => {
      const result = await runLauncher(command, {
        TEST_MODE: "on",
        TEST_API_TOKEN: token,
        DATABASE_URL: "postgresql://app:secret@db.example.com:5432/ccus",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("テストモードで起動できません");
      expect(result.stderr).toContain("TEST_MODE_ALLOW_REMOTE_DB=yes");
      expect(result.stderr).not.toContain("secret");
      expect(existsSync(path.join(result.dataDir, "pg"))).toBe(false);
    });
  }

  it("refuses a short token", { timeout: 40_000 }, async () => {
    const result = await runLauncher("start", { TEST_MODE: "on", TEST_API_TOKEN: "short" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("32 文字以上の TEST_API_TOKEN");
    expect(result.stderr).not.toContain("short");
    expect(existsSync(path.join(result.dataDir, "pg"))).toBe(false);
  });
});

describe("the start-up check", () => {
  it("warns loudly while test mode is on and says nothing when off", () => {
    const on = checkTestModeAtStartup({
      TEST_MODE: "on",
      TEST_API_TOKEN: token,
      DATABASE_URL: "postgresql://u:p@127.0.0.1/x",
    });
    expect(on.ok && on.warning).toContain("TEST MODE IS ON");
    expect(on.ok && on.warning).not.toContain(token);
    expect(checkTestModeAtStartup({})).toEqual({ ok: true, warning: null });
    expect(checkTestModeAtStartup({ TEST_MODE: "off" })).toEqual({ ok: true, warning: null });
    expect(checkTestModeAtStartup({ TEST_MODE: "yes" }).ok).toBe(false);
    expect(
      checkTestModeAtStartup({
        TEST_MODE: "on",
        TEST_API_TOKEN: token,
        DATABASE_URL: "postgresql://u:p@db.example.com/x",
        TEST_MODE_ALLOW_REMOTE_DB: "yes",
      }).ok,
    ).toBe(true);
  });
});
