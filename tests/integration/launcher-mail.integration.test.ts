// `npm start` and `npm run mail:worker` refuse to start without a mail transport (before they
// start the database), unless MAIL_TRANSPORT=file chooses the file mailbox.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function runLauncher(command: string, extra: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ccus-launcher-"));
  folders.push(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: "54999", ...extra };
  for (const name of ["SMTP_URL", "MAIL_TRANSPORT", "DATABASE_URL", "NODE_ENV", "MAIL_WORKER"]) {
    if (!(name in extra)) delete env[name];
  }
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/run.ts", command], {
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { ...result, dataDir };
}

describe("launcher without a mail transport", () => {
  for (const command of ["start", "worker"]) {
    it(`${command} exits with a message and starts no database`, { timeout: 40_000 }, async () => {
      const result = await runLauncher(command);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("メールの送信方法が設定されていないため起動しません");
      expect(result.stderr).toContain("SMTP_URL");
      expect(result.stderr).toContain("MAIL_TRANSPORT=file");
      expect(result.stderr).not.toContain("at ");
      expect(existsSync(path.join(result.dataDir, "pg"))).toBe(false);
    });
  }

  for (const command of ["start", "dev"]) {
    it(`${command} refuses an unknown MAIL_TRANSPORT`, { timeout: 40_000 }, async () => {
      const result = await runLauncher(command, { MAIL_TRANSPORT: "mailbox" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("MAIL_TRANSPORT");
      expect(existsSync(path.join(result.dataDir, "pg"))).toBe(false);
    });
  }
});
