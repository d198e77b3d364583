// The server side's read of next-auth's session cookie: the same cookie, the same decryption and
// expiry check (@auth/core/jwt decode: the key derived from AUTH_SECRET with the cookie's name as
// salt, 15 s clock tolerance) and the same joining of a cookie split into name.0, name.1, … as
// next-auth's own auth(). Without its detour: auth() in a server component runs next-auth's whole
// GET /api/auth/session on a made-up request (configuration, a new CSRF token and its SHA-256,
// the JWT decrypted, re-encrypted with a new expiry nobody can store from a page, then a JSON
// Response parsed again), about 1 ms of CPU per page, and all of it even without a cookie.
// Issue 14 (docs/performance.md, section 3).
import { decode, type JWT } from "next-auth/jwt";

/** next-auth's name for the session cookie (its default; the __Secure- prefix over https). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The session token as next-auth reads it (@auth/core SessionStore): every cookie whose name
 * starts with `name`, ordered by the number after its last dot, joined. Null when there is none.
 */
export function sessionTokenOf(
  cookies: readonly { name: string; value: string }[],
  name: string,
): string | null {
  const chunks = cookies.filter((cookie) => cookie.name.startsWith(name) && cookie.value);
  if (chunks.length === 0) return null;
  const suffix = (cookieName: string) => parseInt(cookieName.split(".").pop() || "0");
  return [...chunks]
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((cookie) => cookie.value)
    .join("");
}

/** jose's clock tolerance in @auth/core's decode, seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;
/** How many decrypted tokens are remembered (the oldest goes first): ~0.5 kB each. */
const REMEMBERED_TOKENS = 2000;

/**
 * Tokens that decrypted, by secret, salt and token: a session's cookie is the same on every
 * request (a page cannot store a renewed one), and its decryption (key derivation, AES, HMAC:
 * about 0.6 ms of CPU in webcrypto jobs) gives the same payload every time. Only the expiry can
 * change its answer, and it is checked again on every use, as jose checks it. Ending a session
 * is the session row's business (lib/dal/session.ts reads it on every request), not the JWT's.
 */
const decrypted = new Map<string, Readonly<JWT>>();

/** jose's expiry rule: valid while exp > now − tolerance (no exp: valid). */
const unexpired = (payload: Readonly<JWT>, nowSeconds: number) =>
  typeof payload.exp !== "number" || payload.exp > nowSeconds - CLOCK_TOLERANCE_SECONDS;

/**
 * The session JWT's payload, or null: no cookie, or one that does not decrypt with the secret,
 * or has expired (next-auth's session answer is null then too).
 */
export async function readSessionJwt(
  cookies: readonly { name: string; value: string }[],
  options: { secret: string; secure: boolean },
): Promise<Readonly<JWT> | null> {
  const name = sessionCookieName(options.secure);
  const token = sessionTokenOf(cookies, name);
  if (!token) return null;
  const key = `${options.secret}\u0000${name}\u0000${token}`;
  const known = decrypted.get(key);
  if (known) {
    if (unexpired(known, Math.floor(Date.now() / 1000))) return known;
    decrypted.delete(key);
    return null;
  }
  let payload: JWT | null;
  try {
    payload = await decode({ token, secret: options.secret, salt: name });
  } catch {
    return null;
  }
  if (!payload) return null;
  if (decrypted.size >= REMEMBERED_TOKENS) decrypted.delete(decrypted.keys().next().value ?? "");
  const frozen = Object.freeze(payload);
  decrypted.set(key, frozen);
  return frozen;
}
