// The attack suite's malformed input (issue 9; the rest of the suite is attack.spec.ts): every
// server action posted by its callers with broken arguments, raw bodies no client would send and
// no-JavaScript form posts with bad values; route handlers with bad path segments and next-auth's
// own endpoints; every page with bad query parameters. No answer may be a server error, and no
// refused request may write: each batch of four requests runs between two fingerprints of the
// world's rows. Prints, per chunk:
//   fuzz k/K: N requests, 0 server errors, 0 unexpected writes
// The work is cut into CHUNKS tests that the workers run side by side, each with a world of its
// own (tests/e2e/fixtures/attack-world.ts: its own people, rows and marker addresses); every
// chunk lists the same units in the same order and takes its share, so together they send every
// request once.
import { expect, test, type APIResponse } from "@playwright/test";
import { listServerActions, type ServerAction } from "../fixtures/attack-inventory";
import { buildWorld, CALLERS, type Caller, type World } from "../fixtures/attack-world";
import { changedGroups, fingerprint } from "../fixtures/attack-fingerprint";
import {
  callAction,
  form,
  FormArg,
  isServerError,
  postActionForm,
  RawArg,
  type FilePart,
  type PartValue,
} from "../fixtures/attack-http";
import { facePhotoImage, pngImage } from "../fixtures/images";
import { ACTION_TABLE, PAGE_TABLE, pagePath, type ActionRow } from "./expectations";
import { hostOf, ownersOf, routeRequest } from "./requests";
import { readFileSync } from "node:fs";
import { appUrl } from "../support/environment";

/** How many tests the fuzz is cut into (each builds a world of its own: a few seconds). */
const CHUNKS = 4;

const MB_STRING = "あ".repeat(350_000); // ≈ 1 MB of UTF-8
const INVALID_UTF8 = Buffer.from([
  0x41, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0x28,
]);
const BAD_VALUES: { label: string; value: string | Buffer }[] = [
  { label: "control characters", value: "\u0000\u0001\u0007\u001b[2J\u202e\r\n\t\u0085" },
  { label: "invalid UTF-8", value: INVALID_UTF8 },
  { label: "full-width digits", value: "０９０１２３４５６７８" },
  { label: "SQL metacharacters", value: "' OR '1'='1'; DROP TABLE applicant; --" },
  { label: "HTML metacharacters", value: `"><script>alert(1)</script><img src=x onerror=alert(1)>` },
  { label: "huge number", value: "-1e309" },
  { label: "unicode oddities", value: "𠮷\uFEFF\u200B👨‍👩‍👧\uD800" },
];

/** Files that are not what they claim to be (upload actions). */
function badFiles(): { label: string; file: FilePart }[] {
  const jpeg = readFileSync(facePhotoImage);
  return [
    { label: "empty file", file: { filename: "photo.jpg", type: "image/jpeg", data: Buffer.alloc(0) } },
    {
      label: "PNG named .jpg",
      file: { filename: "photo.jpg", type: "image/jpeg", data: readFileSync(pngImage) },
    },
    {
      label: "truncated JPEG",
      file: { filename: "photo.jpg", type: "image/jpeg", data: jpeg.subarray(0, 300) },
    },
    {
      label: "GIF named .jpg",
      file: {
        filename: "photo.jpg",
        type: "image/jpeg",
        data: Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"),
      },
    },
    {
      label: "SVG with a script",
      file: {
        filename: "a.svg",
        type: "image/svg+xml",
        data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      },
    },
    {
      label: "binary as CSV",
      file: {
        filename: "list.csv",
        type: "text/csv",
        data: Buffer.from([0x00, 0xff, 0xfe, 0x81, 0x40, 0x0a]),
      },
    },
    {
      label: "file name with a path",
      file: { filename: "../../etc/passwd\u0000.jpg", type: "image/jpeg", data: jpeg.subarray(0, 50) },
    },
  ];
}

interface FuzzCase {
  label: string;
  args: unknown[];
}

/** The other users' rows a caller might try to reach through an id field. */
function forgedIds(row: ActionRow, caller: Caller, world: World): string[] {
  const isApplicantAction = row.owner !== "staff" && row.owner !== "admin";
  if (isApplicantAction) {
    return caller === "applicantB"
      ? [world.applicationA.id, world.fileA, world.noticeA, world.applicants.applicantA.id]
      : [world.applicationB.id, world.noticeB, world.applicants.applicantB.id];
  }
  // Staff actions: ids of the wrong kind, and the caller's own account.
  return [world.staffAccounts.admin.id, world.fileA, world.bulkJob, "00000000-0000-0000-0000-000000000000"];
}

function fuzzCases(row: ActionRow, caller: Caller, world: World): FuzzCase[] {
  const lead = row.leading ?? (row.ownerArgs(world).length === 2 ? [null] : []);
  const takesForm = row.ownerArgs(world).some((arg) => arg instanceof FormArg);
  const withForm = (entries: [string, PartValue][]) => [...lead, form(entries)];
  const fields = row.fields.length > 0 ? row.fields : ["value"];
  const cases: FuzzCase[] = [
    { label: "no arguments", args: [] },
    { label: "strings instead of the form", args: [...lead.map(() => "x"), "not a form", "extra"] },
    {
      label: "objects and arrays instead of the form",
      args: [new RawArg('{"__proto__":{"polluted":1},"get":1}'), new RawArg("[1,[2,[3]]]")],
    },
    { label: "null form", args: [...lead, null] },
  ];
  if (!takesForm) return cases;
  cases.push(
    { label: "missing fields", args: withForm([]) },
    {
      label: "extra fields",
      args: withForm([
        ...fields.map((name): [string, string] => [name, ""]),
        ["__proto__", "x"],
        ["constructor", "x"],
        ["role", "ADMIN"],
        ["applicantId", world.applicants.applicantA.id],
        ["$ACTION_ID_0", ""],
      ]),
    },
    { label: "1 MB string", args: withForm([[fields[0]!, MB_STRING]]) },
    {
      label: "repeated fields",
      args: withForm(
        fields.flatMap((name): [string, string][] => [
          [name, "1"],
          [name, "2"],
        ]),
      ),
    },
  );
  for (const bad of BAD_VALUES)
    cases.push({
      label: bad.label,
      args: withForm(fields.map((name): [string, string | Buffer] => [name, bad.value])),
    });
  // Upload inputs: files that are not what they claim, and text where a file belongs.
  for (const { label, file } of row.files ? badFiles() : [])
    cases.push({
      label,
      args: withForm([
        ...fields.map((name): [string, string] => [name, name === "groupKey" ? "qualifications" : "x"]),
        ...row.files!.map((name): [string, FilePart] => [name, file]),
      ]),
    });
  if (row.files)
    cases.push({
      label: "text instead of a file",
      args: withForm(row.files.map((name): [string, string] => [name, "not a file"])),
    });
  for (const id of forgedIds(row, caller, world))
    cases.push({
      label: `forged id ${id.slice(0, 8)}`,
      args: withForm(
        (row.idFields ?? ["id"])
          .map((name): [string, string] => [name, id])
          .concat(
            fields
              .filter((name) => !(row.idFields ?? []).includes(name))
              .map((name): [string, string] => [name, "x"]),
          ),
      ),
    });
  return cases;
}

/** Raw bodies no client would send. */
const RAW_BODIES: { label: string; type: string; body: Buffer | string }[] = [
  { label: "not multipart", type: "text/plain;charset=UTF-8", body: "this is not json" },
  {
    label: "invalid UTF-8 JSON",
    type: "text/plain;charset=UTF-8",
    body: Buffer.concat([Buffer.from('["'), INVALID_UTF8, Buffer.from('"]')]),
  },
  {
    label: "broken multipart",
    type: "multipart/form-data; boundary=xyz",
    body: '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[',
  },
  { label: "empty body", type: "multipart/form-data; boundary=xyz", body: "" },
];

/** Requests checked together: between two fingerprints, only `allowed` groups may change. */
interface Unit {
  label: string;
  allowed: string[];
  sends: { label: string; send: () => Promise<APIResponse> }[];
}

/** Every unit of the fuzz, in a fixed order (the same in every chunk). */
function fuzzUnits(world: World, actions: ServerAction[]): Unit[] {
  const units: Unit[] = [];
  for (const action of actions) {
    const row = ACTION_TABLE[action.name];
    if (!row || !action.id) continue;
    const callers = [row.owner, ...(row.fuzzAs ?? [])];
    for (const caller of callers) {
      // An applicant editing their own draft may change it; nothing else may change.
      const allowed = caller === "applicantB" ? [`a:${world.applicants.applicantB.id}`] : [];
      const host = hostOf(action, world);
      const sends: Unit["sends"] = fuzzCases(row, caller, world).map((item) => ({
        label: `${action.name} as ${caller}: ${item.label}`,
        send: () => callAction(world.request(caller), host, action.id!, item.args),
      }));
      for (const raw of RAW_BODIES)
        sends.push({
          label: `${action.name} as ${caller}: ${raw.label}`,
          send: () =>
            world.request(caller).post(host, {
              headers: {
                Origin: appUrl,
                "Next-Action": action.id!,
                Accept: "text/x-component",
                "Content-Type": raw.type,
              },
              data: raw.body,
              maxRedirects: 0,
              failOnStatusCode: false,
            }),
        });
      // The same action posted as a form without JavaScript ($ACTION_ID_ field), as a
      // server-component form would, with bad values.
      for (const bad of [{ label: "plain", value: "x" }, ...BAD_VALUES])
        sends.push({
          label: `${action.name} as ${caller}: form post without JavaScript, ${bad.label}`,
          send: () =>
            postActionForm(
              world.request(caller),
              host,
              action.id!,
              row.fields.map((name): [string, string | Buffer] => [name, bad.value]),
            ),
        });
      units.push({ label: `${action.name} as ${caller}`, allowed, sends });
    }
  }

  // Route handlers: bad path segments and query strings, and next-auth's own endpoints.
  const badSegments = [
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "%00",
    "%ff%fe",
    "..%2F..%2Fetc%2Fpasswd",
    "０１２３４５６",
    "x".repeat(4000),
    "00000000-0000-0000-0000-000000000000",
    world.applicationA.id,
    world.applicants.applicantA.id.toUpperCase(),
  ];
  const routeSends: {
    label: string;
    caller: Caller;
    method: string;
    path: string;
    body?: string | Buffer;
  }[] = [];
  for (const segment of badSegments) {
    const encoded = /%/.test(segment) ? segment : encodeURIComponent(segment);
    routeSends.push(
      {
        label: `files ${segment.slice(0, 20)}`,
        caller: "applicantB",
        method: "GET",
        path: `/api/files/${encoded}`,
      },
      {
        label: `files ${segment.slice(0, 20)}`,
        caller: "staff",
        method: "GET",
        path: `/api/files/${encoded}`,
      },
      {
        label: `postal ${segment.slice(0, 20)}`,
        caller: "applicantA",
        method: "GET",
        path: `/api/postal-codes/${encoded}`,
      },
      {
        label: `bulk status ${segment.slice(0, 20)}`,
        caller: "staff",
        method: "GET",
        path: `/staff/applicants/bulk/${encoded}/status`,
      },
      {
        label: `bulk result ${segment.slice(0, 20)}`,
        caller: "staff",
        method: "GET",
        path: `/staff/applicants/bulk/${encoded}/result`,
      },
      {
        label: `consent export ${segment.slice(0, 20)}`,
        caller: "admin",
        method: "GET",
        path: `/staff/consents/export?from=${encoded}&to=${encoded}`,
      },
      {
        label: `consent export POST ${segment.slice(0, 20)}`,
        caller: "admin",
        method: "POST",
        path: "/staff/consents/export",
        body: `from=${encoded}&to=${encoded}`,
      },
    );
  }
  for (const caller of ["anonymous", "disabled"] as const) {
    for (const path of [
      "/api/auth/session",
      "/api/auth/csrf",
      "/api/auth/providers",
      "/api/auth/signin",
      "/api/auth/signin?callbackUrl=javascript:alert(1)",
      "/api/auth/error?error=%3Cscript%3E",
      "/api/auth/callback/credentials",
      "/api/auth/nonexistent",
      "/api/auth/%ff",
    ])
      routeSends.push({ label: `next-auth GET ${path}`, caller, method: "GET", path });
    for (const [path, body] of [
      ["/api/auth/callback/credentials", "loginId=' OR 1=1 --&password=x"],
      ["/api/auth/signin/credentials", "csrfToken=forged&loginId=1&password=2"],
      ["/api/auth/signout", "csrfToken=forged"],
      ["/api/auth/session", "{bad json"],
      ["/api/auth/_log", INVALID_UTF8.toString("latin1")],
    ] as const)
      routeSends.push({ label: `next-auth POST ${path}`, caller, method: "POST", path, body });
  }
  // Every page with bad query parameters (search words, filters, cursors, versions, flags).
  const badQuery = (value: string) =>
    new URLSearchParams({
      q: value,
      status: value,
      cursor: value,
      version: value,
      from: value,
      to: value,
      done: value,
      error: value,
      result: value,
      reason: value,
      decided: value,
      retried: value,
    }).toString();
  for (const [route, row] of Object.entries(PAGE_TABLE)) {
    const caller = CALLERS.find((c) => row[c] === "in" && c !== "anonymous") ?? "anonymous";
    for (const value of [
      "\u0000\u0007\u001b",
      "' OR 1=1 --",
      "<script>alert(1)</script>",
      "９９９９９",
      "x".repeat(1000),
      "-1",
    ])
      routeSends.push({
        label: `page ${route} ?${value.slice(0, 12)}`,
        caller,
        method: "GET",
        path: `${pagePath(route, world)}?${badQuery(value)}`,
      });
    routeSends.push({
      label: `page ${route} ?%ff`,
      caller,
      method: "GET",
      path: `${pagePath(route, world)}?q=%ff%fe&cursor=%c3`,
    });
  }
  // In slices, so that the page and route requests spread over the chunks too.
  const slice = 40;
  for (let i = 0; i < routeSends.length; i += slice)
    units.push({
      label: `routes ${i + 1}-${Math.min(i + slice, routeSends.length)}`,
      allowed: [],
      sends: routeSends.slice(i, i + slice).map((item) => ({
        label: `${item.method} ${item.label} as ${item.caller}`,
        send: () => routeRequest(world.request(item.caller), item.method, item.path, item.body),
      })),
    });
  return units;
}

/** Which chunk sends each unit: the largest first, each to the chunk with the fewest requests. */
function chunkOfUnits(units: Unit[]): number[] {
  const load = Array.from({ length: CHUNKS }, () => 0);
  const chunkOf: number[] = [];
  const bySize = units.map((unit, index) => ({ index, size: unit.sends.length }));
  bySize.sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { index, size } of bySize) {
    const lightest = load.indexOf(Math.min(...load));
    chunkOf[index] = lightest;
    load[lightest]! += size;
  }
  return chunkOf;
}

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  test(`fuzz ${chunk + 1}/${CHUNKS}: malformed input to the server actions and route handlers`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const world = await buildWorld(browser, appUrl);
    try {
      const units = fuzzUnits(world, listServerActions());
      const chunkOf = chunkOfUnits(units);
      const mine = units.filter((_, index) => chunkOf[index] === chunk);
      let requests = 0;
      const serverErrors: string[] = [];
      const writes: string[] = [];
      for (const unit of mine) {
        // Each batch's after is the next batch's before: nothing else writes these owners' rows.
        let batchBefore = await fingerprint(ownersOf(world));
        for (let i = 0; i < unit.sends.length; i += 4) {
          const batch = unit.sends.slice(i, i + 4);
          const before = batchBefore;
          await Promise.all(
            batch.map(async (item) => {
              const response = await item.send();
              requests += 1;
              if (await isServerError(response)) serverErrors.push(`${item.label}: ${response.status()}`);
            }),
          );
          batchBefore = await fingerprint(ownersOf(world));
          const changed = changedGroups(before, batchBefore, unit.allowed);
          if (changed.length > 0)
            writes.push(`${changed.join(", ")} changed by one of: ${batch.map((b) => b.label).join("; ")}`);
        }
      }

      console.log(
        `fuzz ${chunk + 1}/${CHUNKS}: ${requests} requests (${mine.length} of ${units.length} units), ${serverErrors.length} server errors, ${writes.length} unexpected writes`,
      );
      for (const line of serverErrors) console.log(`  server error: ${line}`);
      for (const line of writes) console.log(`  unexpected write: ${line}`);
      expect(serverErrors).toEqual([]);
      expect(writes).toEqual([]);
    } finally {
      await world.dispose();
    }
  });
}
