// `npm start` and `npm run mail:worker` refuse to start without a mail transport (before they
// start the database), unless MAIL_TRANSPORT=file chooses the file mailbox.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeLauncherFolders, runLauncher as runLauncherWith } from "./support/run-launcher";

afterAll(removeLauncherFolders);

const runLauncher = (command: string, extra: Record<string, string> = {}) =>
  runLauncherWith(command, {
    defaults: { EMBEDDED_PG_PORT: "54999" },
    extra,
    unset: ["SMTP_URL", "MAIL_TRANSPORT", "DATABASE_URL", "NODE_ENV", "MAIL_WORKER"],
  });

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
