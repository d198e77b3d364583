import path from "node:path";
import { defineConfig } from "vitest/config";

// tests/unit: rules and pure functions. tests/integration: lib/ modules against a real,
// throw-away PostgreSQL (started once by tests/integration/global-setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Modules marked server-only are exactly what the integration tests exercise.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
      // next-intl's server functions outside a Next.js request (tests/support/next-intl-server.ts).
      "next-intl/server": path.resolve(import.meta.dirname, "tests/support/next-intl-server.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/support/vitest-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    fileParallelism: true,
  },
});
