// Requests Next.js itself would answer with a 500 before any of our code runs, refused by
// proxy.ts with a 400 instead (found by the attack suite, tests/e2e/attack/):
//   - a path that is not percent-encoded UTF-8 (/api/files/%ff): Next.js fails decoding the
//     route's parameters;
//   - a server-action call (Next-Action header) whose body is not what React's client sends: not
//     JSON, invalid UTF-8, a broken multipart body;
//   - a server-action call whose arguments cannot be right: every server action of this app that
//     takes arguments takes a FormData last (tests/unit/server-action-guard.test.ts checks the
//     code for it), which React sends as multipart with a "$K…" reference in that place. The
//     action id says how many arguments the action reads. Anything else (a string, null, no
//     argument, a $ACTION_ID_ form post to a (state, formData) action) would reach
//     `formData.get` and throw.
// Imported by proxy.ts: no path aliases, no server-only imports.
import { extractInfoFromServerReferenceId } from "next/dist/shared/lib/server-reference-info";

/** Whether `pathname` decodes as UTF-8 (each %XX sequence forms valid characters). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The argument array React encodes for a server action, or null when it is not one. */
function parseArguments(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Whether a decoded argument (strings, arrays, objects, at any depth) holds a U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, inner]) => key.includes("\u0000") || holdsNul(inner));
  }
  return false;
}

/**
 * How many arguments the action with this id reads: one past the last it uses (Next.js puts a
 * bit per argument into the id's first byte); null when it cannot tell (rest parameters).
 */
export function argumentCountOf(actionId: string): number | null {
  if (!/^[0-9a-f]{2}/i.test(actionId)) return null;
  const info = extractInfoFromServerReferenceId(actionId);
  if (info.hasRestArgs) return null;
  return info.usedArgs.lastIndexOf(true) + 1;
}

/**
 * An argument list an action reading `count` arguments accepts: its last one a FormData
 * reference ("$K…"), as React encodes the form. With count 0 any list is fine (a form calls a
 * zero-argument action with its FormData, which the action never reads).
 */
export function areActionArgumentsWellFormed(args: unknown[], count: number | null): boolean {
  if (count === null || count === 0) return true;
  const form = args[count - 1];
  return typeof form === "string" && /^\$K[0-9a-f]+$/.test(form);
}

/**
 * Whether a part header of a multipart body holds a control character (a NUL in a file name):
 * the parser Next.js uses for server actions fails on it ("Malformed part header"), where the
 * Fetch API's parser is lenient.
 */
export function hasControlCharacterInPartHeaders(body: Uint8Array, contentType: string): boolean {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return false;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  for (let at = bytes.indexOf(delimiter); at !== -1; at = bytes.indexOf(delimiter, at + delimiter.length)) {
    const start = at + delimiter.length;
    const end = bytes.indexOf("\r\n\r\n", start);
    if (end === -1) return false;
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i]!;
      if ((byte < 0x20 && byte !== 0x0d && byte !== 0x0a && byte !== 0x09) || byte === 0x7f) return true;
    }
  }
  return false;
}

/**
 * Why a server-action call cannot be right, or null when it may go on (and for every request
 * that is not a server-action call). Reads a copy of the body; a body the proxy has already
 * read (a chunked upload counted by the size limit) is left to Next.js.
 */
export async function malformedServerActionCall(request: Request): Promise<string | null> {
  if (request.method !== "POST") return null;
  // As sent: a multipart boundary is case-sensitive.
  const contentType = request.headers.get("content-type") ?? "";
  const actionId = request.headers.get("next-action");
  const isMultipart = contentType.toLowerCase().startsWith("multipart/form-data");
  // A form posted without JavaScript: multipart, its action named inside the body.
  if (!actionId && !isMultipart) return null;
  if (!request.body || request.bodyUsed) return actionId ? "empty" : null;
  const copy = request.clone();
  if (isMultipart) {
    let form: FormData;
    try {
      const bytes = new Uint8Array(await copy.arrayBuffer());
      if (hasControlCharacterInPartHeaders(bytes, contentType)) return "control character in a part header";
      form = await new Response(bytes, { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return "broken multipart body";
    }
    // PostgreSQL cannot store U+0000 in text: a NUL in any field (typed by nobody) would fail
    // the save that writes it, autosaves included, with a 500.
    for (const [, value] of form) {
      if (typeof value === "string" && value.includes("\u0000")) return "NUL in a field";
    }
    if (!actionId) {
      // $ACTION_ID_<id> calls the action with the FormData alone: wrong for an action that reads
      // a second argument (a useActionState form sends $ACTION_REF_ with its state instead).
      const direct = [...form.keys()].find((key) => key.startsWith("$ACTION_ID_"));
      if (!direct) return null;
      const count = argumentCountOf(direct.slice("$ACTION_ID_".length));
      return count !== null && count > 1 ? "a form post without the action's state" : null;
    }
    const root = form.get("0");
    const args = typeof root === "string" ? parseArguments(root) : null;
    if (!args) return "no argument array";
    if (holdsNul(args)) return "NUL in an argument";
    return areActionArgumentsWellFormed(args, argumentCountOf(actionId))
      ? null
      : "arguments of the wrong type";
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await copy.arrayBuffer());
  } catch {
    return "invalid UTF-8";
  }
  const args = parseArguments(text);
  if (!args) return "no argument array";
  if (holdsNul(args)) return "NUL in an argument";
  // Without multipart there is no FormData: only an action reading no argument is called so.
  return areActionArgumentsWellFormed(args, argumentCountOf(actionId!))
    ? null
    : "arguments of the wrong type";
}

/** The 400 answer: plain text, never cached. */
export function badRequestResponse(headers: Record<string, string>): Response {
  return new Response(
    "リクエストの形式が正しくありません。ページを読み込み直してから、もう一度操作してください。",
    {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
    },
  );
}
