// A 通知 in every language (issue 15). The notice table keeps the Japanese title and body, the
// binding text that Japanese pages show exactly as stored. A notice written since issue 15 also
// carries its body as catalogue references (lib/i18n/message-ref.ts) in its own column,
// `notice.message` (jsonb): one entry a line, each optionally followed by Japanese data that has
// no translation (a reason the registration office picked, a comment staff typed, a 払込票番号
// line). A notice without one (written before issue 15) is shown in Japanese. Titles need no
// reference: each is one of a fixed set (noticeTitleKey in lib/notices/notice-texts.ts), old
// notices' included.

export type NoticeLine = {
  /** A message reference (lib/i18n/message-ref.ts); absent for a line of Japanese data only. */
  text?: string;
  /** Japanese data shown as it is after the text (marked lang="ja" in another language's page). */
  ja?: string;
};

export type NoticeMessage = {
  /** The body, line by line; an empty line ({}) separates paragraphs. */
  lines: NoticeLine[];
};

function isLine(value: unknown): value is NoticeLine {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const line = value as Record<string, unknown>;
  return (
    (line.text === undefined || typeof line.text === "string") &&
    (line.ja === undefined || typeof line.ja === "string")
  );
}

/** The message of a stored notice (its `message` column); null when absent or not of this shape. */
export function noticeMessageOf(value: unknown): NoticeMessage | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { lines } = value as Record<string, unknown>;
  if (!Array.isArray(lines) || !lines.every(isLine)) return null;
  return { lines };
}

/**
 * The release before `notice.message` wrote the message at the end of the body, after this record
 * separator; the migration 20261207171500_notice_message_backfill moves it into the column. During
 * a rolling deploy the old instances may still write it that way for a while, so a body that
 * carries it is taken apart when read. Remove with the release after next.
 */
const LEGACY_MARKER = "\n\u001eccus-notice-message:";

/** A stored notice's Japanese body and message, from the column or (legacy) the body's tail. */
export function storedNoticeText(
  body: string,
  message: unknown,
): { body: string; message: NoticeMessage | null } {
  const own = noticeMessageOf(message);
  const at = body.indexOf(LEGACY_MARKER);
  if (at === -1) return { body, message: own };
  let legacy: NoticeMessage | null = null;
  try {
    legacy = noticeMessageOf(JSON.parse(body.slice(at + LEGACY_MARKER.length)));
  } catch {
    legacy = null;
  }
  return { body: body.slice(0, at), message: own ?? legacy };
}
