// A 通知 in every language (issue 15). The notice table keeps the Japanese title and body, the
// binding text that Japanese pages show exactly as stored. A notice written since issue 15 also
// carries its body as catalogue references (lib/i18n/message-ref.ts), one a line, each line
// optionally followed by Japanese data that has no translation (a reason the registration office
// picked, a comment staff typed, a 払込票番号 line). They travel at the end of the body, after a
// record separator, so no column is added; `splitNoticeBody` takes them apart again. A notice
// without them (written before issue 15) is shown in Japanese. Titles need no reference: each is
// one of a fixed set (noticeTitleKey in lib/notices/notice-texts.ts), old notices' included.

export interface NoticeLine {
  /** A message reference (lib/i18n/message-ref.ts); absent for a line of Japanese data only. */
  text?: string;
  /** Japanese data shown as it is after the text (marked lang="ja" in another language's page). */
  ja?: string;
}

export interface NoticeMessage {
  /** The body, line by line; an empty line ({}) separates paragraphs. */
  lines: NoticeLine[];
}

/** U+001E RECORD SEPARATOR: never typed, never in a Japanese notice text. */
const MARKER = "\n\u001eccus-notice-message:";

/** The stored body: the Japanese text, then the message. */
export function bodyWithMessage(japanese: string, message: NoticeMessage): string {
  return `${japanese}${MARKER}${JSON.stringify(message)}`;
}

function isLine(value: unknown): value is NoticeLine {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const line = value as Record<string, unknown>;
  return (
    (line.text === undefined || typeof line.text === "string") &&
    (line.ja === undefined || typeof line.ja === "string")
  );
}

function parseMessage(json: string): NoticeMessage | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return null;
    const { lines } = value as Record<string, unknown>;
    if (!Array.isArray(lines) || !lines.every(isLine)) return null;
    return { lines };
  } catch {
    return null;
  }
}

/** The Japanese text of a stored body and its message (null for a notice written without one). */
export function splitNoticeBody(body: string): { japanese: string; message: NoticeMessage | null } {
  const at = body.indexOf(MARKER);
  if (at === -1) return { japanese: body, message: null };
  return { japanese: body.slice(0, at), message: parseMessage(body.slice(at + MARKER.length)) };
}
