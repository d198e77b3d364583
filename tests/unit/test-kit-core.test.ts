// Test kit core (issue 10), pure parts: the gate's decision, the namespace a request belongs to,
// the test-mode settings and their loopback rule, the fake people.
import { describe, expect, it } from "vitest";
import { decideTestKitGate, bearerMatches, isTestKitPath, signInTicketOf } from "@/lib/test-kit/gate";
import {
  parseTestNamespace,
  testNamespaceFrom,
  testNamespaceFromHeaders,
} from "@/lib/test-kit/request-namespace";
import { isLoopbackDatabaseUrl, testModeProblem } from "@/lib/env";
import { fakePerson } from "@/lib/test-kit/fake-person";
import { safeNextPath } from "@/lib/test-kit/sign-in-ticket";

const token = "t".repeat(40);
const decide = (
  pathname: string,
  authorization: string | null,
  testMode = true,
  configured: string | undefined = token,
) => decideTestKitGate({ pathname, authorization, testMode, token: configured });

describe("the test kit gate", () => {
  it("leaves every other address alone", () => {
    expect(decide("/menu", null)).toBe("not-kit");
    expect(decide("/__test", null)).toBe("not-kit");
    expect(decide("/api/__test__/x", null)).toBe("not-kit");
  });

  it("passes a kit address only in test mode with the right Bearer token", () => {
    expect(decide("/__test__/scenarios", `Bearer ${token}`)).toBe("allow");
    expect(decide("/__test__/scenarios", `bearer ${token}`)).toBe("allow");
    expect(decide("/__test__/scenarios", null)).toBe("refuse");
    expect(decide("/__test__/scenarios", `Bearer ${token}x`)).toBe("refuse");
    expect(decide("/__test__/scenarios", `Basic ${token}`)).toBe("refuse");
    expect(decide("/__test__/scenarios", token)).toBe("refuse");
    expect(decide("/__test__/scenarios", `Bearer ${token}`, false)).toBe("refuse");
    expect(
      decideTestKitGate({
        pathname: "/__test__/scenarios",
        authorization: `Bearer ${token}`,
        testMode: true,
        token: undefined,
      }),
    ).toBe("refuse");
    expect(decide("/__test__", `Bearer ${token}`)).toBe("refuse");
  });

  it("refuses the encoded folder name and other spellings, whatever the token", () => {
    for (const path of [
      "/%5F%5Ftest%5F%5F/scenarios",
      "/%5f%5ftest%5f%5f/reset",
      "/__TEST__/scenarios",
      "//__test__/scenarios",
    ]) {
      expect(isTestKitPath(path)).toBe(true);
      expect(decide(path, `Bearer ${token}`)).toBe("refuse");
      expect(decide(path, null)).toBe("refuse");
    }
  });

  it("passes a sign-in URL without a token, in test mode only", () => {
    const ticket = "A".repeat(43);
    expect(decide(`/__test__/sign-in/${ticket}`, null)).toBe("allow");
    expect(decide(`/__test__/sign-in/${ticket}`, null, false)).toBe("refuse");
    expect(decide("/__test__/sign-in/short", null)).toBe("refuse");
    expect(decide(`/__test__/sign-in/${ticket}/more`, null)).toBe("refuse");
  });

  it("finds the ticket of a sign-in URL only", () => {
    const ticket = "b".repeat(43);
    expect(signInTicketOf(`/__test__/sign-in/${ticket}`)).toBe(ticket);
    expect(signInTicketOf(`/__test__/sign-in/${ticket}/`)).toBe(ticket);
    expect(signInTicketOf("/__test__/scenarios")).toBeNull();
    expect(signInTicketOf(`/__test__/sign-in/${ticket}/x`)).toBeNull();
  });

  it("never takes a short configured token", () => {
    expect(bearerMatches("Bearer short", "short")).toBe(false);
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
  });
});

describe("the request's test namespace", () => {
  it("takes a valid name only", () => {
    expect(parseTestNamespace("w0")).toBe("w0");
    expect(parseTestNamespace("worker_1-a")).toBe("worker_1-a");
    expect(parseTestNamespace("W0")).toBeNull();
    expect(parseTestNamespace("-w")).toBeNull();
    expect(parseTestNamespace("a".repeat(49))).toBeNull();
    expect(parseTestNamespace("a b")).toBeNull();
    expect(parseTestNamespace(undefined)).toBeNull();
  });

  it("prefers the header to the cookie; an invalid header does not fall back", () => {
    expect(testNamespaceFrom("h1", "c1")).toBe("h1");
    expect(testNamespaceFrom(null, "c1")).toBe("c1");
    expect(testNamespaceFrom("", "c1")).toBe("c1");
    expect(testNamespaceFrom("BAD!", "c1")).toBeNull();
    const headers = new Headers({ cookie: "a=b; ccus_test_ns=w3; other=1" });
    expect(testNamespaceFromHeaders(headers)).toBe("w3");
    headers.set("x-test-namespace", "w4");
    expect(testNamespaceFromHeaders(headers)).toBe("w4");
  });
});

describe("test-mode settings", () => {
  const on = { TEST_MODE: "on", TEST_API_TOKEN: token, DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" };

  it("need a token of at least 32 characters", () => {
    expect(testModeProblem(on)).toBeNull();
    expect(testModeProblem({ ...on, TEST_API_TOKEN: "short" })?.field).toBe("TEST_API_TOKEN");
    expect(testModeProblem({ ...on, TEST_API_TOKEN: undefined })?.field).toBe("TEST_API_TOKEN");
    expect(testModeProblem({ TEST_MODE: "off", DATABASE_URL: "postgresql://db.example.com/x" })).toBeNull();
  });

  it("refuse a database that is not on this machine unless allowed", () => {
    expect(testModeProblem({ ...on, DATABASE_URL: "postgresql://u:p@db.example.com:5432/x" })?.field).toBe(
      "DATABASE_URL",
    );
    expect(
      testModeProblem({
        ...on,
        DATABASE_URL: "postgresql://u:p@db.example.com/x",
        TEST_MODE_ALLOW_REMOTE_DB: true,
      }),
    ).toBeNull();
    expect(
      testModeProblem({
        ...on,
        DATABASE_URL: "postgresql://u:p@db.example.com/x",
        TEST_MODE_ALLOW_REMOTE_DB: "yes",
      }),
    ).toBeNull();
  });

  it("count 127.0.0.0/8, ::1, localhost and local sockets as loopback", () => {
    for (const url of [
      "postgresql://u:p@127.0.0.1:5432/db",
      "postgresql://u:p@127.1.2.3/db",
      "postgresql://u:p@localhost/db",
      "postgresql://u:p@[::1]:5432/db",
      "postgresql:///db?host=/run/postgresql",
    ]) {
      expect(isLoopbackDatabaseUrl(url), url).toBe(true);
    }
    for (const url of [
      "postgresql://u:p@10.0.0.5/db",
      "postgresql://u:p@127.0.0.1.example.com/db",
      "postgresql://u:p@128.0.0.1/db",
      "postgresql://u:p@[::2]/db",
      "postgresql://u:p@localhost/db?host=db.example.com",
      "not a url",
    ]) {
      expect(isLoopbackDatabaseUrl(url), url).toBe(false);
    }
  });
});

describe("fake people", () => {
  it("are the same for the same seed and realistic", () => {
    expect(fakePerson("w0:active:1")).toEqual(fakePerson("w0:active:1"));
    const people = Array.from({ length: 20 }, (_, index) => fakePerson(`seed-${index}`));
    expect(new Set(people.map((person) => person.name)).size).toBeGreaterThan(10);
    for (const person of people) {
      expect(person.name).toBe(`${person.familyName} ${person.givenName}`);
      expect(person.nameKana).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
      expect(person.birthDate).toMatch(/^(19[6-9]\d|2000)-\d{2}-\d{2}$/);
      expect(person.postalCode).toMatch(/^\d{3}-\d{4}$/);
      expect(person.phone).toMatch(/^090-\d{4}-\d{4}$/);
    }
  });
});

describe("the sign-in URL's next", () => {
  it("takes same-origin paths only", () => {
    expect(safeNextPath("/menu", "/x")).toBe("/menu");
    expect(safeNextPath("//evil.example", "/x")).toBe("/x");
    expect(safeNextPath("https://evil.example/", "/x")).toBe("/x");
    expect(safeNextPath("/\\evil", "/x")).toBe("/x");
    expect(safeNextPath("/__test__/reset", "/x")).toBe("/x");
    expect(safeNextPath(null, "/x")).toBe("/x");
  });
});
