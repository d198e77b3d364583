import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the launcher (scripts/run.ts) sets DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
