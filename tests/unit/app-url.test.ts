import { describe, expect, it } from "vitest";
import { authUrlFor, isHttpsAppUrl, strictTransportSecurityFor } from "@/lib/net/app-url";

describe("APP_URL decides https at run time", () => {
  it("https APP_URL: Secure cookies and HSTS", () => {
    expect(isHttpsAppUrl("https://ccus.example.jp")).toBe(true);
    expect(strictTransportSecurityFor("https://ccus.example.jp")).toBe("max-age=63072000; includeSubDomains");
  });

  it("http APP_URL (or none usable): neither", () => {
    expect(isHttpsAppUrl("http://127.0.0.1:3000")).toBe(false);
    expect(strictTransportSecurityFor("http://localhost:3000")).toBeNull();
    expect(isHttpsAppUrl("not a url")).toBe(false);
  });

  it("next-auth's URL is APP_URL's origin with the route handler's path", () => {
    expect(authUrlFor("https://ccus.example.jp")).toBe("https://ccus.example.jp/api/auth");
    expect(authUrlFor("https://ccus.example.jp:8443/")).toBe("https://ccus.example.jp:8443/api/auth");
  });
});
