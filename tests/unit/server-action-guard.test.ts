// proxy.ts refuses with 400 what Next.js would answer with a 500 before our code runs: an
// undecodable path, and a server-action call whose body React's client could not have sent
// (lib/server-action-guard.ts). The attack suite (tests/e2e/attack/) sends these to the server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  areActionArgumentsWellFormed,
  argumentCountOf,
  isDecodablePath,
  malformedServerActionCall,
} from "@/lib/server-action-guard";

const url = "http://127.0.0.1:3000/registration/content/employer";
// Ids as Next.js makes them: the first byte has a bit for each argument the action reads.
const TWO_ARGUMENTS = "60" + "ab".repeat(20);
const ONE_ARGUMENT = "40" + "ab".repeat(20);
const NO_ARGUMENT = "00" + "ab".repeat(20);

function actionCall(body: BodyInit, contentType: string) {
  return new Request(url, {
    method: "POST",
    headers: { "Next-Action": TWO_ARGUMENTS, "Content-Type": contentType },
    body,
  });
}

function multipartCall(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request(url, { method: "POST", headers: { "Next-Action": TWO_ARGUMENTS }, body: form });
}

function formPost(actionId: string) {
  const form = new FormData();
  form.append(`$ACTION_ID_${actionId}`, "");
  form.append("name", "山田");
  return new Request(url, { method: "POST", body: form });
}

describe("isDecodablePath", () => {
  it("refuses percent sequences that are not UTF-8", () => {
    expect(isDecodablePath("/api/files/%ff%fe")).toBe(false);
    expect(isDecodablePath("/api/auth/%c3")).toBe(false);
    expect(isDecodablePath("/api/files/0b7c4f0e-8d2a-4c1b-9f3e-5a6b7c8d9e0f")).toBe(true);
    expect(isDecodablePath("/api/postal-codes/%EF%BC%91%EF%BC%90%EF%BC%90")).toBe(true);
  });
});

describe("malformedServerActionCall", () => {
  it("lets through what React's client sends", async () => {
    const noArgument = new Request(url, {
      method: "POST",
      headers: { "Next-Action": NO_ARGUMENT, "Content-Type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(await malformedServerActionCall(noArgument)).toBeNull();
    expect(
      await malformedServerActionCall(
        multipartCall([
          ["_1_name", "山田"],
          ["0", '[null,"$K1"]'],
        ]),
      ),
    ).toBeNull();
    expect(
      await malformedServerActionCall(
        multipartCall([
          ["_1_x", "1"],
          ["0", '["education","$K1"]'],
        ]),
      ),
    ).toBeNull();
    expect(await malformedServerActionCall(formPost(ONE_ARGUMENT))).toBeNull();
    expect(
      await malformedServerActionCall(multipartCall([["0", '[{"status":"error","fieldErrors":{}},"$K1"]']])),
    ).toBeNull();
  });

  it("ignores everything that is not a server-action call", async () => {
    expect(await malformedServerActionCall(new Request(url))).toBeNull();
    expect(await malformedServerActionCall(new Request(url, { method: "POST", body: "a=b" }))).toBeNull();
    const form = new FormData();
    form.append("name", "山田");
    expect(await malformedServerActionCall(new Request(url, { method: "POST", body: form }))).toBeNull();
  });

  it("refuses bodies React never sends", async () => {
    expect(await malformedServerActionCall(actionCall("this is not json", "text/plain"))).not.toBeNull();
    expect(
      await malformedServerActionCall(
        actionCall(new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), "text/plain"),
      ),
    ).not.toBeNull();
    expect(
      await malformedServerActionCall(
        actionCall(
          '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[',
          "multipart/form-data; boundary=xyz",
        ),
      ),
    ).not.toBeNull();
    expect(await malformedServerActionCall(multipartCall([["_1_name", "山田"]]))).not.toBeNull();
    // A NUL in a file name: the Fetch API parses it, the server-action parser fails on it.
    const nulName =
      '--xyz\r\nContent-Disposition: form-data; name="_1_facePhoto"; filename="a\u0000.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc\r\n' +
      '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n--xyz--\r\n';
    expect(
      await malformedServerActionCall(actionCall(nulName, "multipart/form-data; boundary=xyz")),
    ).not.toBeNull();
    const fine = nulName.replace("a\u0000.jpg", "a.jpg");
    expect(await malformedServerActionCall(actionCall(fine, "multipart/form-data; boundary=xyz"))).toBeNull();
    // A browser's boundary has capitals: it is matched as sent.
    const browser = fine.replaceAll("--xyz", "--WebKitFormBoundaryAbC");
    expect(
      await malformedServerActionCall(
        actionCall(browser, "multipart/form-data; boundary=WebKitFormBoundaryAbC"),
      ),
    ).toBeNull();
  });

  it("refuses a NUL in any field or argument (PostgreSQL cannot store it: the save would be a 500)", async () => {
    expect(
      await malformedServerActionCall(
        multipartCall([
          ["_1_name", "山\u0000田"],
          ["0", '[null,"$K1"]'],
        ]),
      ),
    ).not.toBeNull();
    expect(
      await malformedServerActionCall(
        multipartCall([
          ["_1_name", "山田"],
          ["0", '["\\u0000","$K1"]'],
        ]),
      ),
    ).not.toBeNull();
    expect(await malformedServerActionCall(actionCall('["a\\u0000","$K1"]', "text/plain"))).not.toBeNull();
    const form = new FormData();
    form.append(`$ACTION_ID_${ONE_ARGUMENT}`, "");
    form.append("name", "\u0000");
    expect(await malformedServerActionCall(new Request(url, { method: "POST", body: form }))).not.toBeNull();
    // Other control characters are stored fine and left to the form's own rules.
    expect(
      await malformedServerActionCall(
        multipartCall([
          ["_1_name", "山\u0007田"],
          ["0", '[null,"$K1"]'],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses arguments that cannot be a form", async () => {
    expect(await malformedServerActionCall(actionCall('["x","not a form"]', "text/plain"))).not.toBeNull();
    expect(await malformedServerActionCall(multipartCall([["0", "[null,null]"]]))).not.toBeNull();
    expect(await malformedServerActionCall(multipartCall([["0", '[{"get":1},[1,2]]']]))).not.toBeNull();
    expect(await malformedServerActionCall(multipartCall([["0", "[]"]]))).not.toBeNull();
    expect(await malformedServerActionCall(actionCall("[]", "text/plain"))).not.toBeNull();
    // Without JavaScript a (state, formData) action would get the FormData as its state.
    expect(await malformedServerActionCall(formPost(TWO_ARGUMENTS))).not.toBeNull();
    expect(argumentCountOf(TWO_ARGUMENTS)).toBe(2);
    expect(argumentCountOf(NO_ARGUMENT)).toBe(0);
    expect(areActionArgumentsWellFormed(["$K1"], 1)).toBe(true);
    expect(areActionArgumentsWellFormed(["$K1"], 0)).toBe(true);
    expect(areActionArgumentsWellFormed(["$K1", "x"], 2)).toBe(false);
    expect(areActionArgumentsWellFormed([], 1)).toBe(false);
  });
});

// The guard's rule holds only while every action that takes arguments takes a FormData last.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("every server action", () => {
  const actions = ["lib", "app", "components"]
    .flatMap((dir) => sourceFiles(dir))
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8")))
    .flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(
          /^export\s+async\s+function\s+(\w+)\s*\(([\s\S]*?)\)\s*(?::[^{]*)?\{/gm,
        ),
      ].map((match) => ({ name: `${file}#${match[1]}`, params: match[2]!.trim().replace(/,$/, "") })),
    );

  it("are found", () => {
    expect(actions.length).toBeGreaterThan(30);
  });

  it.each(actions)("$name takes no arguments or a FormData last", ({ params }) => {
    if (params === "") return;
    expect(params.split(",").at(-1)!.trim()).toMatch(/^\w+\s*:\s*FormData$/);
  });
});
