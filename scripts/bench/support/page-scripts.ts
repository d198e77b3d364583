// The JavaScript a page makes a modern browser load, in gzipped bytes (issue 13 item 4, issue 14):
// every <script src> of the page's HTML except `nomodule` ones (legacy polyfills a modern browser
// skips), each file fetched once and gzipped at zlib's default level (what `next start` sends with
// compression on), plus the HTML's own size. Used by scripts/bench/pages.ts and the JavaScript
// budget spec (tests/e2e/js-budget.spec.ts).
import { gzipSync } from "node:zlib";

export interface PageWeight {
  /** The page's HTML, bytes as sent without compression, and gzipped. */
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Each script the page loads (path → gzipped bytes), in document order. */
  scripts: { src: string; gzipBytes: number; bytes: number }[];
  /** Sum of the scripts' gzipped bytes. */
  jsGzipBytes: number;
}

const scriptTag = /<script\b([^>]*)>/gi;
const srcAttribute = /\bsrc\s*=\s*"([^"]+)"|\bsrc\s*=\s*'([^']+)'/i;
const nomoduleAttribute = /(^|\s)nomodule(\s|=|$)/i;

/** The src of every script a modern browser runs from this HTML (same document order, no duplicates). */
export function scriptSources(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(scriptTag)) {
    const attributes = match[1] ?? "";
    if (nomoduleAttribute.test(attributes)) continue;
    const src = srcAttribute.exec(attributes);
    const value = src?.[1] ?? src?.[2];
    if (value && !found.includes(value)) found.push(value.replaceAll("&amp;", "&"));
  }
  return found;
}

export const gzipBytes = (body: Buffer | string): number => gzipSync(body).length;

/** Fetches every script of `html` from `baseUrl` (cached in `cache` by src) and adds up the bytes. */
export async function pageWeight(
  baseUrl: string,
  html: string,
  cache: Map<string, { gzipBytes: number; bytes: number }> = new Map(),
): Promise<PageWeight> {
  const scripts: PageWeight["scripts"] = [];
  for (const src of scriptSources(html)) {
    let known = cache.get(src);
    if (!known) {
      const response = await fetch(new URL(src, baseUrl));
      if (!response.ok) throw new Error(`${src} answered ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      known = { gzipBytes: gzipBytes(body), bytes: body.length };
      cache.set(src, known);
    }
    scripts.push({ src, ...known });
  }
  const htmlBuffer = Buffer.from(html);
  return {
    htmlBytes: htmlBuffer.length,
    htmlGzipBytes: gzipBytes(htmlBuffer),
    scripts,
    jsGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
  };
}
