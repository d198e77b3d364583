// Retry schedule of the email outbox: capped exponential backoff with optional equal jitter.

export const MAX_EMAIL_ATTEMPTS = 8;
export const DEFAULT_RETRY_BASE_MS = 30 * 1000;
export const DEFAULT_RETRY_CAP_MS = 60 * 60 * 1000;

export interface RetryDelayOptions {
  /** Delay after the first failed attempt. Default 30 s. */
  baseMs?: number;
  /** Upper bound of any delay. Default 1 h. */
  capMs?: number;
  /**
   * Source of randomness in [0, 1). When given, "equal jitter" is applied: half of the delay is
   * fixed and half random, so that many emails failing together do not retry in lockstep.
   * When omitted the delay is deterministic.
   */
  random?: () => number;
}

export interface NextEmailStateOptions extends RetryDelayOptions {
  /** Attempts after which the email is given up. Default MAX_EMAIL_ATTEMPTS. */
  maxAttempts?: number;
}

export type NextEmailState = { status: "RETRYING"; nextAttemptAt: Date } | { status: "FAILED" };

/**
 * Delay in ms before the next try, after `attempt` failed attempts (1-based):
 * 30 s, 60 s, 120 s, … capped at 1 h.
 */
export function retryDelayMs(attempt: number, opts: RetryDelayOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  }
  const baseMs = opts.baseMs ?? DEFAULT_RETRY_BASE_MS;
  const capMs = opts.capMs ?? DEFAULT_RETRY_CAP_MS;
  if (!(baseMs > 0) || !(capMs > 0)) {
    throw new RangeError("baseMs and capMs must be positive");
  }
  // 2 ** n grows to Infinity for huge n, which Math.min handles.
  const delay = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  if (!opts.random) return delay;
  const r = Math.min(Math.max(opts.random(), 0), 1);
  const half = delay / 2;
  return Math.round(half + r * half);
}

/** What happens to an email after its `attempts`-th failed send. */
export function nextEmailState(
  attempts: number,
  now: Date,
  opts: NextEmailStateOptions = {},
): NextEmailState {
  const maxAttempts = opts.maxAttempts ?? MAX_EMAIL_ATTEMPTS;
  if (attempts >= maxAttempts) return { status: "FAILED" };
  return {
    status: "RETRYING",
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(Math.max(attempts, 1), opts)),
  };
}
