// The Prisma client singleton (driver adapter on node-postgres), created on first use so that
// importing this module (e.g. while `next build` collects routes) needs no configuration.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createPrismaClient() {
  const env = getEnv();
  // The pool of this instance: DATABASE_POOL_MAX (docs/deploy.md sizes it against max_connections).
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
  // Password hashes are left out of every query unless one selects them explicitly.
  return new PrismaClient({
    adapter,
    omit: {
      applicant: { passwordHash: true, pendingPasswordHash: true },
      staffUser: { passwordHash: true },
    },
  });
}

type Client = ReturnType<typeof createPrismaClient>;
const globalForPrisma = globalThis as unknown as { prisma?: Client };

function client(): Client {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

export const db = new Proxy({} as Client, {
  get(_target, property) {
    const value: unknown = Reflect.get(client(), property);
    const bound: unknown = typeof value === "function" ? value.bind(client()) : value;
    return bound;
  },
});

/** The client type with this project's omit settings; transactions share it. */
export type DbClient = Client;
export type DbTransaction = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];
