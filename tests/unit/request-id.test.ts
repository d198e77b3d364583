// The request id (lib/net/request-id.ts): a trusted proxy's X-Request-Id is kept, so nginx's
// access log and the app's log meet on it; a client's own, or a malformed one, is replaced.
import { describe, expect, it } from "vitest";
import { chooseRequestId } from "@/lib/net/request-id";

const fresh = () => "fresh-id";
const nginxId = "0f8fad5bd9cb469fa16570867728950e";

describe("chooseRequestId", () => {
  it("keeps the id a trusted proxy sent", () => {
    expect(chooseRequestId(nginxId, true, fresh)).toBe(nginxId);
  });

  it("replaces the id a client sent itself", () => {
    expect(chooseRequestId(nginxId, false, fresh)).toBe("fresh-id");
  });

  it("replaces a missing or malformed id even from a trusted proxy", () => {
    for (const sent of [
      null,
      "",
      "short",
      "has space in it",
      "x".repeat(129),
      "a\r\nX-Injected: 1",
      "日本語のリクエストID",
    ]) {
      expect(chooseRequestId(sent, true, fresh)).toBe("fresh-id");
    }
  });

  it("makes a new random UUID by default", () => {
    const first = chooseRequestId(null, false);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(chooseRequestId(null, false)).not.toBe(first);
  });
});
