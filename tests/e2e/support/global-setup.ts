// Creates the staff account the suite signs in with, through the real command
// (npm run staff:create), against the database the app under test uses.
import { execFileSync } from "node:child_process";
import { e2eStaff, e2ePorts } from "./environment";

export default function globalSetup() {
  execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "scripts/run.ts",
      "staff-create",
      "--email",
      e2eStaff.email,
      "--password",
      e2eStaff.password,
      "--name",
      e2eStaff.name,
    ],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        DATA_DIR: ".data/e2e",
        EMBEDDED_PG_PORT: String(e2ePorts.database),
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        BCRYPT_COST: "10",
      },
    },
  );
}
