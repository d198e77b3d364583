// The reading aid of a consent document (issue 15). The Japanese text is the binding one; a page in
// another language shows a translation below it, marked as a reading aid. Translations live in
// messages/<language>/registration.json under consentDocuments.<kind>.v<version>, and the Japanese
// catalogue holds, under the same key, the Japanese text they were made from. A translation is
// shown only when that Japanese text is exactly the document's (its hash is the document's
// contentHash): a new version, or a version whose text is not the one translated, gets a note that
// no translation exists yet rather than a stale one.
import { consentContentHash } from "@/lib/consents/consent-files";
import type { ConsentKind } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locales";

export interface ConsentText {
  title: string;
  body: string;
}

export type ReadingAid =
  /** The page is in Japanese: the binding text is all there is. */
  | { state: "none" }
  /** No translation of this version (of this exact Japanese text) yet. */
  | { state: "missing" }
  | ({ state: "shown" } & ConsentText);

/** Where a version's texts are in each language's registration namespace. */
export function readingAidKey(kind: ConsentKind, version: number) {
  return `consentDocuments.${kind}.v${version}` as const;
}

/**
 * The reading aid for `document` on a page in `locale`: `source` is the Japanese catalogue's text
 * of this version (what was translated), `translated` the page language's.
 */
export function chooseReadingAid(
  document: { contentHash: string },
  locale: Locale,
  source: ConsentText | undefined,
  translated: ConsentText | undefined,
): ReadingAid {
  if (locale === "ja") return { state: "none" };
  if (!source || !translated) return { state: "missing" };
  if (consentContentHash(source.title, source.body) !== document.contentHash) return { state: "missing" };
  return { state: "shown", ...translated };
}
