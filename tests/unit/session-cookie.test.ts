// lib/auth/session-cookie.ts reads the session cookie exactly as next-auth does: each case is put
// to next-auth's own reading too — @auth/core's Auth() answering GET /api/auth/session for a
// request carrying only the cookie, which is what next-auth's auth() runs (next-auth/lib/index.js,
// getSession; @auth/core comes with next-auth) — and both must name the same session, or none.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Auth } from "@auth/core";
import { decode, encode } from "next-auth/jwt";
import type * as NextAuthJwt from "next-auth/jwt";

// decode as it is, counted: a token read again must not be decrypted again.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof NextAuthJwt>();
  return { ...actual, decode: vi.fn(actual.decode) };
});
import { readSessionJwt, sessionCookieName, sessionTokenOf } from "@/lib/auth/session-cookie";

const secret = "s".repeat(48);
const otherSecret = "t".repeat(48);
const sid = "0b7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e";

/** next-auth's answer for these cookies: the session's sid, or null. */
async function nextAuthSid(cookieHeader: string, secure: boolean): Promise<string | null> {
  const origin = secure ? "https://ccus.example.jp" : "http://127.0.0.1:3000";
  const response = await Auth(
    new Request(`${origin}/api/auth/session`, { headers: { cookie: cookieHeader } }),
    {
      secret,
      trustHost: true,
      basePath: "/api/auth",
      useSecureCookies: secure,
      session: { strategy: "jwt" },
      providers: [],
      callbacks: { session: ({ session, token }) => ({ ...session, sid: token.sid }) },
      // The broken cookies are meant: not their log lines.
      logger: { error: () => {} },
    },
  );
  const body = (await response.json()) as { sid?: unknown } | null;
  return typeof body?.sid === "string" ? body.sid : null;
}

async function ourSid(cookieHeader: string, secure: boolean): Promise<string | null> {
  const cookies = cookieHeader
    .split("; ")
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
  const payload = await readSessionJwt(cookies, { secret, secure });
  return typeof payload?.sid === "string" ? payload.sid : null;
}

const token = (options: { secret?: string; salt: string; maxAge?: number }) =>
  encode({ token: { sid }, secret: options.secret ?? secret, salt: options.salt, maxAge: options.maxAge });

describe("the session cookie, read as next-auth reads it", () => {
  const plain = sessionCookieName(false);
  const secure = sessionCookieName(true);

  it("names next-auth's cookies", () => {
    expect(plain).toBe("authjs.session-token");
    expect(secure).toBe("__Secure-authjs.session-token");
  });

  it("the same answer as next-auth's own session endpoint, case by case", async () => {
    const valid = await token({ salt: plain });
    const cases: { name: string; cookie: string; secure: boolean; expected: string | null }[] = [
      { name: "valid", cookie: `${plain}=${valid}`, secure: false, expected: sid },
      {
        name: "valid, among other cookies",
        cookie: `a=1; ${plain}=${valid}; b=2`,
        secure: false,
        expected: sid,
      },
      {
        name: "valid over https",
        cookie: `${secure}=${await token({ salt: secure })}`,
        secure: true,
        expected: sid,
      },
      { name: "no cookie", cookie: "", secure: false, expected: null },
      { name: "another cookie only", cookie: "ccus_test_ns=x", secure: false, expected: null },
      { name: "the http cookie on an https site", cookie: `${plain}=${valid}`, secure: true, expected: null },
      {
        name: "another secret",
        cookie: `${plain}=${await token({ salt: plain, secret: otherSecret })}`,
        secure: false,
        expected: null,
      },
      {
        name: "another salt (cookie name)",
        cookie: `${plain}=${await token({ salt: secure })}`,
        secure: false,
        expected: null,
      },
      {
        name: "expired",
        cookie: `${plain}=${await token({ salt: plain, maxAge: -60 })}`,
        secure: false,
        expected: null,
      },
      { name: "tampered", cookie: `${plain}=${valid.slice(0, -4)}AAAA`, secure: false, expected: null },
      { name: "not a JWT", cookie: `${plain}=abc`, secure: false, expected: null },
      {
        name: "split in two chunks, sent in reverse order",
        cookie: `${plain}.1=${valid.slice(100)}; ${plain}.0=${valid.slice(0, 100)}`,
        secure: false,
        expected: sid,
      },
    ];
    for (const testCase of cases) {
      const theirs = await nextAuthSid(testCase.cookie, testCase.secure);
      const ours = await ourSid(testCase.cookie, testCase.secure);
      expect({ case: testCase.name, theirs, ours }).toEqual({
        case: testCase.name,
        theirs: testCase.expected,
        ours: testCase.expected,
      });
    }
  });

  it("joins chunks by the number after the last dot", () => {
    expect(
      sessionTokenOf(
        [
          { name: `${plain}.2`, value: "c" },
          { name: `${plain}.0`, value: "a" },
          { name: "other", value: "x" },
          { name: `${plain}.1`, value: "b" },
        ],
        plain,
      ),
    ).toBe("abc");
    expect(sessionTokenOf([{ name: "other", value: "x" }], plain)).toBeNull();
    expect(sessionTokenOf([{ name: plain, value: "" }], plain)).toBeNull();
  });
});

describe("a token read again", () => {
  const name = sessionCookieName(false);
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is not decrypted again, and still answers the same", async () => {
    const value = await token({ salt: name });
    const cookies = [{ name, value }];
    const before = vi.mocked(decode).mock.calls.length;
    const first = await readSessionJwt(cookies, { secret, secure: false });
    const second = await readSessionJwt(cookies, { secret, secure: false });
    expect(first?.sid).toBe(sid);
    expect(second?.sid).toBe(sid);
    expect(vi.mocked(decode).mock.calls.length - before).toBe(1);
  });

  it("expires as jose would: valid until 15 s after exp, then null", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-07T10:00:00Z"), toFake: ["Date"] });
    const value = await token({ salt: name, maxAge: 60 });
    const cookies = [{ name, value }];
    expect((await readSessionJwt(cookies, { secret, secure: false }))?.sid).toBe(sid);
    vi.setSystemTime(new Date("2026-12-07T10:01:14Z"));
    expect((await readSessionJwt(cookies, { secret, secure: false }))?.sid).toBe(sid);
    vi.setSystemTime(new Date("2026-12-07T10:01:15Z"));
    expect(await readSessionJwt(cookies, { secret, secure: false })).toBeNull();
    vi.setSystemTime(new Date("2026-12-07T10:00:30Z"));
    // Not remembered as valid once seen expired: decrypted (and judged by jose) again.
    expect((await readSessionJwt(cookies, { secret, secure: false }))?.sid).toBe(sid);
  });

  it("is remembered for its own secret and cookie name only", async () => {
    const value = await token({ salt: name });
    expect((await readSessionJwt([{ name, value }], { secret, secure: false }))?.sid).toBe(sid);
    expect(await readSessionJwt([{ name, value }], { secret: otherSecret, secure: false })).toBeNull();
    const secureName = sessionCookieName(true);
    expect(await readSessionJwt([{ name: secureName, value }], { secret, secure: true })).toBeNull();
  });
});
