// The JavaScript budget check (issue 14): tests/budget/*.spec.ts against the e2e suite's servers
// (the production build in .next, test mode), with the suite's own settings otherwise.
//   npm run build && npx playwright test -c playwright.budget.config.ts
import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

export default defineConfig({ ...e2e, testDir: "tests/budget", workers: 1 });
