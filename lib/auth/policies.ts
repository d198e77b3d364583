// The account policies in force, read from the environment in one place: how long a session
// lives (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS) and when wrong passwords lock an account
// (LOCKOUT_THRESHOLD, LOCKOUT_MINUTES). Sign-in, the password change, the session checks and the
// test kit's personas all read them here.
import { getEnv } from "@/lib/env";

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export interface LockoutPolicy {
  threshold: number;
  lockMs: number;
}

/** Idle timeout and absolute lifetime of a session. */
export function sessionPolicy(): SessionPolicy {
  const env = getEnv();
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}

/** The lockout in force, for sign-in and the password change alike. */
export function lockoutPolicy(): LockoutPolicy {
  const env = getEnv();
  return { threshold: env.LOCKOUT_THRESHOLD, lockMs: env.LOCKOUT_MINUTES * 60_000 };
}
