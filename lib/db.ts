// The Prisma client singleton (driver adapter on node-postgres).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

function createPrismaClient() {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 20 });
  // Password hashes are left out of every query unless one asks for them (omit: { passwordHash: false }).
  return new PrismaClient({
    adapter,
    omit: { applicant: { passwordHash: true }, staffUser: { passwordHash: true } },
  });
}

export const db = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/** The client type with this project's omit settings; transactions share it. */
export type DbClient = typeof db;
export type DbTransaction = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];
