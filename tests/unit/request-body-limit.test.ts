// The request body limits proxy.ts applies: 1 MB for everything, login included, and 12 MB only for
// a server action post to an upload page; a body without Content-Length (chunked) is counted.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BODY_LIMIT_BYTES,
  PROXY_BODY_BUFFER_BYTES,
  UPLOAD_BODY_LIMIT_BYTES,
  UPLOAD_PATHS,
  bodyLimitFor,
  isBodyTooLarge,
  refuseTooLargeBody,
  renderBodyTooLargePage,
} from "@/lib/request-body-limit";

const MB = 1024 * 1024;
const origin = "http://127.0.0.1:3000";

/** A POST whose body is `size` bytes, with its Content-Length (as a browser sends a form). */
function postWithLength(path: string, size: number, headers: Record<string, string> = {}) {
  return new Request(`${origin}${path}`, {
    method: "POST",
    headers: { "content-length": String(size), ...headers },
    body: new Uint8Array(size),
  });
}

/** A POST whose body comes in chunks with no Content-Length (Transfer-Encoding: chunked). */
function chunkedPost(path: string, size: number, headers: Record<string, string> = {}) {
  const chunk = 64 * 1024;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const length = Math.min(chunk, size - sent);
      sent += length;
      controller.enqueue(new Uint8Array(length));
    },
  });
  return new Request(`${origin}${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

const action = { "next-action": "7f00000000000000000000000000000000000000aa" };
const multipart = { "content-type": "multipart/form-data; boundary=----x" };

describe("bodyLimitFor", () => {
  it("gives every request 1 MB, the login action too", () => {
    expect(DEFAULT_BODY_LIMIT_BYTES).toBe(1 * MB);
    expect(bodyLimitFor(postWithLength("/login", 10, action))).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(postWithLength("/login", 10, multipart))).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(postWithLength("/staff/login", 10, action))).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(postWithLength("/api/auth/signout", 10))).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor(postWithLength("/registration/content/personal-info", 10, action))).toBe(
      DEFAULT_BODY_LIMIT_BYTES,
    );
    // A path that only starts like an upload page is not one.
    expect(bodyLimitFor(postWithLength("/registration/content/face-photo-x", 10, action))).toBe(
      DEFAULT_BODY_LIMIT_BYTES,
    );
  });

  it("gives 12 MB to server action posts (with JavaScript or without) to the upload pages only", () => {
    expect(UPLOAD_PATHS).toEqual([
      "/registration/content/identity-document",
      "/registration/content/face-photo",
      "/registration/content/qualifications",
      "/staff/applicants/bulk",
    ]);
    for (const path of UPLOAD_PATHS) {
      expect(bodyLimitFor(postWithLength(path, 10, action)), path).toBe(UPLOAD_BODY_LIMIT_BYTES);
      expect(bodyLimitFor(postWithLength(path, 10, multipart)), path).toBe(UPLOAD_BODY_LIMIT_BYTES);
      // Not a server action post: the default.
      expect(
        bodyLimitFor(postWithLength(path, 10, { "content-type": "application/x-www-form-urlencoded" })),
        path,
      ).toBe(DEFAULT_BODY_LIMIT_BYTES);
      expect(
        bodyLimitFor(new Request(`${origin}${path}`, { method: "PUT", headers: action, body: "x" })),
        path,
      ).toBe(DEFAULT_BODY_LIMIT_BYTES);
    }
  });

  it("gives GET and HEAD none to check", () => {
    expect(bodyLimitFor(new Request(`${origin}/login`))).toBeNull();
    expect(bodyLimitFor(new Request(`${origin}/login`, { method: "HEAD" }))).toBeNull();
  });

  it("keeps the proxy's buffer above the upload limit, so a larger body is seen as larger", () => {
    expect(PROXY_BODY_BUFFER_BYTES).toBeGreaterThanOrEqual(UPLOAD_BODY_LIMIT_BYTES + 512 * 1024);
  });
});

describe("isBodyTooLarge", () => {
  it("refuses a 2 MB post to the login action by its Content-Length", async () => {
    expect(await isBodyTooLarge(postWithLength("/login", 2 * MB, action))).toBe(true);
    expect(await isBodyTooLarge(postWithLength("/login", 2 * MB, multipart))).toBe(true);
    expect(await isBodyTooLarge(postWithLength("/login", 200 * 1024, action))).toBe(false);
    expect(await isBodyTooLarge(postWithLength("/login", 1 * MB, action))).toBe(false);
    expect(await isBodyTooLarge(postWithLength("/login", 1 * MB + 1, action))).toBe(true);
  });

  it("counts a chunked body without Content-Length, so leaving the length out does not get past", async () => {
    expect(await isBodyTooLarge(chunkedPost("/login", 2 * MB, action))).toBe(true);
    expect(await isBodyTooLarge(chunkedPost("/login", 1 * MB + 1, multipart))).toBe(true);
    expect(await isBodyTooLarge(chunkedPost("/login", 300 * 1024, action))).toBe(false);
    expect(await isBodyTooLarge(chunkedPost("/registration/content/face-photo", 4 * MB, action))).toBe(false);
    expect(await isBodyTooLarge(chunkedPost("/registration/content/face-photo", 12 * MB + 1, action))).toBe(
      true,
    );
  });

  it("leaves a chunked body within the limit unread for what comes after it", async () => {
    const request = chunkedPost("/login", 300 * 1024, action);
    expect(await isBodyTooLarge(request)).toBe(false);
    expect(request.bodyUsed).toBe(false);
    expect((await request.arrayBuffer()).byteLength).toBe(300 * 1024);
  });

  it("stops counting when the client goes away in the middle of a chunked body", async () => {
    const gone = new AbortController();
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const request = new Request(`${origin}/login`, {
      method: "POST",
      headers: action,
      body: endless,
      duplex: "half",
      signal: gone.signal,
    } as RequestInit);
    const answer = isBodyTooLarge(request);
    setTimeout(() => gone.abort(), 50);
    expect(await answer).toBe(false);
  });

  it("lets an upload page take two 5 MB images, and no more than 12 MB", async () => {
    expect(
      await isBodyTooLarge(postWithLength("/registration/content/identity-document", 4 * MB, multipart)),
    ).toBe(false);
    expect(
      await isBodyTooLarge(postWithLength("/registration/content/identity-document", 11 * MB, action)),
    ).toBe(false);
    expect(
      await isBodyTooLarge(postWithLength("/registration/content/identity-document", 13 * MB, action)),
    ).toBe(true);
  });
});

describe("refuseTooLargeBody", () => {
  it("answers 413 with a short Japanese page and the given headers", async () => {
    const response = await refuseTooLargeBody(postWithLength("/login", 2 * MB, action), {
      nonce: "abc123",
      headers: { "Content-Security-Policy": "default-src 'self'" },
    });
    expect(response?.status).toBe(413);
    expect(response?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(response?.headers.get("content-security-policy")).toBe("default-src 'self'");
    const html = await response!.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("送信できませんでした");
    expect(html).toContain("1MBまで");
    expect(html).toContain('<style nonce="abc123">');
  });

  it("answers nothing (the request goes on) when the body is within the limit", async () => {
    expect(await refuseTooLargeBody(postWithLength("/login", 2000, action), { nonce: "n" })).toBeNull();
    expect(await refuseTooLargeBody(new Request(`${origin}/login`), { nonce: "n" })).toBeNull();
  });

  it("names the upload pages' limit on their page", () => {
    expect(renderBodyTooLargePage({ nonce: "n", limitBytes: UPLOAD_BODY_LIMIT_BYTES })).toContain("12MBまで");
  });
});
