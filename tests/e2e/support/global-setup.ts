// Creates the staff accounts the suite signs in with (one STAFF, one ADMIN), through the real command
// (npm run staff:create), against the database the app under test uses.
import { execFileSync } from "node:child_process";
import { e2eAdmin, e2eStaff, e2ePorts } from "./environment";

export default function globalSetup() {
  for (const account of [e2eStaff, e2eAdmin]) {
    execFileSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "scripts/run.ts",
        "staff-create",
        "--email",
        account.email,
        "--password",
        account.password,
        "--name",
        account.name,
        "--role",
        account.role,
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
}
