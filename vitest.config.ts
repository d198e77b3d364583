import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Modules marked server-only are exactly what the integration tests exercise.
      "server-only": path.resolve(import.meta.dirname, "tests/unit/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/unit/global-setup.ts"],
    setupFiles: ["tests/unit/support/env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    fileParallelism: true,
  },
});
