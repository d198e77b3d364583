// The Prisma client singleton (driver adapter on node-postgres), created on first use so that
// importing this module (e.g. while `next build` collects routes) needs no configuration.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { reportDatabaseError, setDatabaseProbe } from "@/lib/db-availability";

/** Which methods' results are watched in turn: the factory's adapter, the adapter's transactions. */
interface Deeper {
  [method: string]: Deeper;
}

/**
 * `target` with every method's failure (thrown or a rejected promise) reported to
 * lib/db-availability.ts first; what a method listed in `deeper` resolves to is watched the same way.
 */
function watched<T extends object>(target: T, deeper: Deeper): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const report = (error: unknown) => {
          reportDatabaseError(error);
          throw error;
        };
        let result: unknown;
        try {
          result = Reflect.apply(value as (...a: unknown[]) => unknown, object, args);
        } catch (error) {
          return report(error);
        }
        if (!(result instanceof Promise)) return result;
        return result.then((resolved: unknown) => {
          const next = typeof property === "string" ? deeper[property] : undefined;
          return next && typeof resolved === "object" && resolved !== null
            ? watched(resolved, next)
            : resolved;
        }, report);
      };
    },
  });
}

function createPrismaClient() {
  const env = getEnv();
  // The pool of this instance: DATABASE_POOL_MAX (docs/deploy.md sizes it against max_connections).
  // Every failure of the adapter (and of a pooled connection, e.g. 57P01 when PostgreSQL stops) is
  // reported to lib/db-availability.ts: a connection-level one makes pages answer 503 until a
  // probe reaches the database again.
  const adapter = watched(
    new PrismaPg(
      { connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX },
      { onPoolError: reportDatabaseError, onConnectionError: reportDatabaseError },
    ),
    { connect: { startTransaction: {} } },
  );
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
  if (!globalForPrisma.prisma) {
    globalForPrisma.prisma = createPrismaClient();
    setDatabaseProbe(() => client().$queryRaw`SELECT 1`);
  }
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
