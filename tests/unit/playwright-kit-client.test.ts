// The kit package's API client against the contract (docs/testing.md): paths, methods, bodies,
// the Bearer token, and how it reads the gate's 404, a 400 and the mail wait's 408.
import { describe, expect, it } from "vitest";
import { KitClient, KitError } from "../../packages/playwright-kit/src/client";
import { workerNamespace } from "../../packages/playwright-kit/src/namespace";

type Call = { method: string; url: URL; headers: Record<string, string>; body: unknown };

const token = "t".repeat(40);

function fakeServer(answer: (call: Call) => { status: number; body: unknown; html?: boolean }) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const call: Call = {
      method: init?.method ?? "GET",
      url: new URL(input instanceof Request ? input.url : input),
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const { status, body, html } = answer(call);
    return new Response(html ? String(body) : JSON.stringify(body), {
      status,
      headers: { "content-type": html ? "text/html" : "application/json" },
    });
  };
  return { calls, client: new KitClient({ baseURL: "http://127.0.0.1:3110/", token, fetch: fetchImpl }) };
}

describe("KitClient", () => {
  it("sends every endpoint of the contract with the Bearer token", async () => {
    const { calls, client } = fakeServer(() => ({ status: 200, body: {} }));
    await client.createScenario({ persona: "returned", ns: "w0" });
    await client.reset("w0");
    await client.reset();
    await client.mail.messages({ start: 0, limit: 50 });
    await client.mail.search('to:a@example.jp subject:"不備"');
    await client.mail.message();
    await client.mail.delete({ ids: ["m1"] });
    await client.mail.delete({ ns: "w0" });
    await client.mail.waitFor({ to: "a@example.jp", subject: "不備", timeout: 5000, after: new Date(0) });
    await client.clock.set("w0", { now: "2026-12-03T20:30:00+09:00" });
    await client.clock.set("w0", { offsetSeconds: 3600 });
    await client.clock.get("w0");
    await client.clock.clear("w0");
    await client.faults.set("w0", { smtp: { mode: "4xx" }, postalLookup: null });
    await client.faults.get("w0");
    await client.faults.clear("w0");
    await client.applicant("10000000000121");

    expect(calls.map((call) => `${call.method} ${call.url.pathname}${call.url.search}`)).toEqual([
      "POST /__test__/scenarios",
      "POST /__test__/reset",
      "POST /__test__/reset",
      "GET /__test__/mail/api/v1/messages?start=0&limit=50",
      "GET /__test__/mail/api/v1/search?query=to%3Aa%40example.jp+subject%3A%22%E4%B8%8D%E5%82%99%22",
      "GET /__test__/mail/api/v1/message/latest",
      "DELETE /__test__/mail/api/v1/messages",
      "DELETE /__test__/mail/api/v1/messages?ns=w0",
      "GET /__test__/mail/wait?to=a%40example.jp&subject=%E4%B8%8D%E5%82%99&after=1970-01-01T00%3A00%3A00.000Z&timeout=5000",
      "POST /__test__/clock",
      "POST /__test__/clock",
      "GET /__test__/clock?ns=w0",
      "DELETE /__test__/clock?ns=w0",
      "POST /__test__/faults",
      "GET /__test__/faults?ns=w0",
      "DELETE /__test__/faults?ns=w0",
      "GET /__test__/applicants/10000000000121",
    ]);
    expect(calls.every((call) => call.headers.authorization === `Bearer ${token}`)).toBe(true);
    expect(calls.map((call) => call.body)).toEqual([
      { persona: "returned", ns: "w0" },
      { ns: "w0" },
      {},
      undefined,
      undefined,
      undefined,
      { IDs: ["m1"] },
      undefined,
      undefined,
      { ns: "w0", now: "2026-12-03T20:30:00+09:00" },
      { ns: "w0", offsetSeconds: 3600 },
      undefined,
      undefined,
      { ns: "w0", smtp: { mode: "4xx" }, postalLookup: null },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads the gate's HTML 404 as test mode off or a wrong token", async () => {
    const { client } = fakeServer(() => ({
      status: 404,
      body: "<html>ページが見つかりません</html>",
      html: true,
    }));
    await expect(client.reset("w0")).rejects.toThrow(/test mode off, a wrong token/);
    await expect(client.applicant("10000000000121")).rejects.toThrow(/test mode off or a wrong token/);
  });

  it("answers null for an unknown login ID (JSON 404)", async () => {
    const { client } = fakeServer(() => ({ status: 404, body: { error: "not found" } }));
    await expect(client.applicant("19999999999999")).resolves.toBeNull();
  });

  it("throws a KitError with the server's message and issues on 400 and 408", async () => {
    const { client } = fakeServer((call) =>
      call.url.pathname.endsWith("/wait")
        ? { status: 408, body: { error: "timeout" } }
        : { status: 400, body: { error: "unknown persona", issues: [{ path: ["persona"] }] } },
    );
    const bad = await client.createScenario({ persona: "nobody", ns: "w0" }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(KitError);
    expect((bad as KitError).status).toBe(400);
    expect((bad as KitError).message).toContain("unknown persona");
    expect((bad as KitError).body).toMatchObject({ issues: [{ path: ["persona"] }] });
    const timeout = await client.mail
      .waitFor({ to: "x@example.jp", timeout: 10 })
      .catch((error: unknown) => error);
    expect((timeout as KitError).status).toBe(408);
  });

  it("refuses a namespace the server would refuse, before any request", async () => {
    const { calls, client } = fakeServer(() => ({ status: 200, body: {} }));
    await expect(client.reset("W0")).rejects.toThrow(/Invalid test namespace/);
    await expect(client.clock.get("../x")).rejects.toThrow(/Invalid test namespace/);
    expect(calls).toHaveLength(0);
  });

  it("needs a base URL and a token", () => {
    const saved = { base: process.env.CCUS_BASE_URL, token: process.env.CCUS_TEST_API_TOKEN };
    delete process.env.CCUS_BASE_URL;
    delete process.env.CCUS_TEST_API_TOKEN;
    try {
      expect(() => new KitClient({ token })).toThrow(/CCUS_BASE_URL/);
      expect(() => new KitClient({ baseURL: "http://127.0.0.1:1" })).toThrow(/CCUS_TEST_API_TOKEN/);
    } finally {
      if (saved.base !== undefined) process.env.CCUS_BASE_URL = saved.base;
      if (saved.token !== undefined) process.env.CCUS_TEST_API_TOKEN = saved.token;
    }
  });
});

describe("workerNamespace", () => {
  it("makes a valid, distinct namespace per worker", () => {
    expect(workerNamespace(0, "AB12cd")).toBe("w0-ab12cd");
    expect(workerNamespace(3, "run id!")).toBe("w3-runid");
    expect(workerNamespace(1, "x".repeat(100))).toMatch(/^[a-z0-9][a-z0-9_-]{0,47}$/);
  });
});
