// How large a request body may be, decided by proxy.ts before any page, route handler or server
// action reads it. Next.js has one body limit for every server action (next.config.ts
// serverActions.bodySizeLimit), which the image and CSV upload forms need to be 12 MB; every
// other request, the login form included, is held to 1 MB here and answered 413 beyond it.
//
// The proxy sees the body as Next.js buffers it for the proxy (proxyClientMaxBodySize, set a little
// above the upload limit so that a body past the limit is always seen as past it). A
// Content-Length is trusted (Node's parser delivers no byte beyond it and refuses a request with
// both Content-Length and Transfer-Encoding); a chunked body has no length, so it is counted.
// Imported by next.config.ts: no path aliases, no server-only imports.
import { escapeHtml } from "./format/html";

const MEGABYTE = 1024 * 1024;

/** Every request but an upload. Server-action forms without files are a few kilobytes. */
export const DEFAULT_BODY_LIMIT_BYTES = 1 * MEGABYTE;

/**
 * An upload form's post: 本人確認書類 sends two images of at most 5 MiB (MAX_IMAGE_BYTES) plus its
 * fields and the multipart framing. next.config.ts gives server actions this limit.
 */
export const UPLOAD_BODY_LIMIT_BYTES = 12 * MEGABYTE;

/** What Next.js buffers for the proxy: one megabyte above the upload limit (see above). */
export const PROXY_BODY_BUFFER_BYTES = UPLOAD_BODY_LIMIT_BYTES + MEGABYTE;

/** The pages whose forms send files: the image pages of 申請内容登録 and the staff's CSV upload. */
export const UPLOAD_PATHS: readonly string[] = [
  "/registration/content/identity-document",
  "/registration/content/face-photo",
  "/registration/content/qualifications",
  "/staff/applicants/bulk",
];

/**
 * A server action post, as Next.js tells one: the client router sends a Next-Action header; a
 * form posted without JavaScript is multipart/form-data (its action id is inside the body).
 */
function isServerActionPost(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** The largest body allowed for this request; null for GET and HEAD, which carry none. */
export function bodyLimitFor(request: Request): number | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const path = new URL(request.url).pathname.replace(/\/+$/, "");
  return UPLOAD_PATHS.includes(path) && isServerActionPost(request)
    ? UPLOAD_BODY_LIMIT_BYTES
    : DEFAULT_BODY_LIMIT_BYTES;
}

/**
 * Reads the proxy's copy of the body to its end, counting bytes; true when past `limit`. Read to
 * the end rather than cancelled, so the copy does not keep what the client is still sending
 * (Next.js waits for the whole body before it answers anyway). A client that goes away mid-body
 * ends the reading (`signal`): the copy would otherwise wait for an end that never comes.
 */
async function countedBodyExceeds(
  body: ReadableStream<Uint8Array>,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total > limit;
      total += value.byteLength;
    }
  } catch {
    // The body broke off (the client went away): what came counts.
    return total > limit;
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

/** Whether the body is larger than this request may send. */
export async function isBodyTooLarge(request: Request): Promise<boolean> {
  const limit = bodyLimitFor(request);
  if (limit === null || !request.body) return false;
  const declared = request.headers.get("content-length");
  if (declared === null || !/^[0-9]+$/.test(declared.trim())) {
    // A copy: a body within the limit stays unread for what runs after this check.
    return countedBodyExceeds(request.clone().body ?? request.body, limit, request.signal);
  }
  if (Number(declared) <= limit) return false;
  // Refused at once; the copy is still read out in the background, as above.
  void countedBodyExceeds(request.body, 0, request.signal).catch(() => undefined);
  return true;
}

/** The short page answered with 413: no database, no session, no React. */
export function renderBodyTooLargePage(options: { nonce: string; limitBytes: number }): string {
  const limit = `${Math.round(options.limitBytes / MEGABYTE)}MB`;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>送信できませんでした | 建設キャリアアップシステム</title>
<style nonce="${escapeHtml(options.nonce)}">
body{margin:0;font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.7}
header{background:#0b3d91;color:#fff;padding:1rem 1.5rem}header p{margin:0;font-weight:700;font-size:1.25rem}
main{max-width:40rem;margin:0 auto;padding:2rem 1.5rem}h1{font-size:1.5rem}a{color:#0b3d91}
</style></head><body>
<header><p>建設キャリアアップシステム</p></header>
<main><h1>送信できませんでした</h1>
<p>送信された内容が大きすぎるため、受け付けられませんでした（この画面から送信できるのは${escapeHtml(limit)}までです）。</p>
<p>入力内容や選んだファイルを確認して、前の画面に戻ってからもう一度お試しください。画像は1枚5MBまでのJPEG形式です。</p>
<p><a href="/">トップページへ</a></p>
</main></body></html>`;
}

/**
 * 413 with the short page when the body is larger than this request may send; null otherwise.
 * `headers` are added to the answer (the page's CSP).
 */
export async function refuseTooLargeBody(
  request: Request,
  options: { nonce: string; headers?: Record<string, string> },
): Promise<Response | null> {
  if (!(await isBodyTooLarge(request))) return null;
  return new Response(
    renderBodyTooLargePage({ nonce: options.nonce, limitBytes: bodyLimitFor(request) ?? 0 }),
    {
      status: 413,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        ...options.headers,
      },
    },
  );
}
