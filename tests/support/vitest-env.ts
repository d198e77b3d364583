// Configuration for tests that reach lib/ modules: the throw-away database and fast hashing.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
process.env.BCRYPT_COST ??= "4";
process.env.APP_URL ??= "http://localhost:3000";
process.env.DATA_DIR ??= ".data/unit-test";
