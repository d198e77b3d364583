// bcrypt hashing. The cost comes from configuration (BCRYPT_COST, default 11 ≈ 110 ms here).
import bcrypt from "bcrypt";

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Spends the same time as a real check, so an unknown ID answers like a wrong password. */
export async function verifyAgainstDummy(password: string, cost: number): Promise<false> {
  dummyHash ??= bcrypt.hash("dummy-password-for-timing", cost);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
