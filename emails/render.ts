// Renders one email source (a list of blocks) into its plain-text and HTML parts, so the two can
// never say different things. A translated email (issue 15) is two sources: the applicant's
// language first, then a rule and the complete Japanese email, word for word what a Japanese
// applicant gets (staff and employers read the Japanese).
import { emailSubject } from "./common";

export type EmailBlock =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "field"; label: string; value: string; href?: string }
  | { kind: "note"; lines: string[] };

export interface EmailSource {
  subject: string;
  /** First line, e.g. `山田 太郎 さま`. */
  greeting: string;
  blocks: EmailBlock[];
  /** Sender lines at the end of the mail. */
  footer: string[];
}

/** An email in one language before its subject gets the system's prefix (emails/common.ts). */
export interface EmailDraft extends Omit<EmailSource, "subject"> {
  /** The subject without the 【建設キャリアアップシステム】 prefix. */
  title: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER_RULE = "────────────────────────";

const FONT_STACK = "'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,'Yu Gothic',sans-serif";
const MONO_STACK = "'SFMono-Regular',Consolas,'Liberation Mono',Menlo,monospace";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only absolute http(s) links may appear in a mail; anything else is a programming error. */
function assertSafeHref(href: string): void {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error(`Email link is not an absolute URL: ${href}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`Email link must use http or https: ${href}`);
  }
}

function renderText(source: EmailSource): string {
  const sections: string[] = [source.greeting];
  for (const block of source.blocks) {
    switch (block.kind) {
      case "paragraph":
      case "note":
        sections.push(block.lines.join("\n"));
        break;
      case "field":
        sections.push(`${block.label}\n${block.value}`);
        break;
    }
  }
  sections.push([FOOTER_RULE, ...source.footer].join("\n"));
  return `${sections.join("\n\n")}\n`;
}

function linesToHtml(lines: string[]): string {
  return lines.map(escapeHtml).join("<br>\n");
}

function renderFieldValue(block: Extract<EmailBlock, { kind: "field" }>): string {
  const value = escapeHtml(block.value);
  if (block.href === undefined) {
    return `<span style="font-family:${MONO_STACK};font-size:18px;letter-spacing:0.05em;">${value}</span>`;
  }
  return `<a href="${escapeHtml(block.href)}" style="color:#0017c1;text-decoration:underline;word-break:break-all;">${value}</a>`;
}

function renderHtmlBody(blocks: EmailBlock[]): string {
  const parts: string[] = [];
  // Consecutive fields form one description list: label (dt) and value (dd).
  let fields: string[] = [];
  const flushFields = () => {
    if (fields.length === 0) return;
    parts.push(`<dl style="margin:0 0 16px;padding:0;">\n${fields.join("\n")}\n</dl>`);
    fields = [];
  };
  for (const block of blocks) {
    if (block.kind === "field") {
      fields.push(
        `<dt style="margin:16px 0 0;font-weight:bold;">${escapeHtml(block.label)}</dt>\n` +
          `<dd style="margin:4px 0 0;padding:0;">${renderFieldValue(block)}</dd>`,
      );
      continue;
    }
    flushFields();
    if (block.kind === "paragraph") {
      parts.push(`<p style="margin:0 0 16px;">${linesToHtml(block.lines)}</p>`);
    } else {
      parts.push(
        `<div style="margin:24px 0 16px;padding:12px 16px;border-left:4px solid #b78f00;background-color:#fffbe6;">` +
          `<p style="margin:0;font-size:15px;">${linesToHtml(block.lines)}</p></div>`,
      );
    }
  }
  flushFields();
  return parts.join("\n");
}

/** One language's greeting, blocks and footer as an article of the HTML part. */
function renderArticle(
  source: Omit<EmailSource, "subject">,
  label: string,
  lang: string,
  style = "",
): string {
  return `<div role="article" aria-label="${escapeHtml(label)}" lang="${escapeHtml(lang)}" style="${style}">
<p style="margin:0 0 16px;">${escapeHtml(source.greeting)}</p>
${renderHtmlBody(source.blocks)}
<hr style="margin:24px 0 16px;border:0;border-top:1px solid #cccccc;">
<p style="margin:0;font-size:14px;color:#4d4d4d;">${linesToHtml(source.footer)}</p>
</div>`;
}

const PAGE_STYLE = `max-width:600px;margin:0 auto;padding:24px 16px;background-color:#ffffff;color:#1a1a1a;font-family:${FONT_STACK};font-size:16px;line-height:1.7;`;

function renderHtmlPage(subject: string, lang: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
${body}
</body>
</html>
`;
}

function renderHtml(source: EmailSource): string {
  return renderHtmlPage(source.subject, "ja", renderArticle(source, source.subject, "ja", PAGE_STYLE));
}

function assertSafeLinks(blocks: EmailBlock[]): void {
  for (const block of blocks) {
    if (block.kind === "field" && block.href !== undefined) assertSafeHref(block.href);
  }
}

export function renderEmail(source: EmailSource): RenderedEmail {
  assertSafeLinks(source.blocks);
  return { subject: source.subject, text: renderText(source), html: renderHtml(source) };
}

/** A Japanese email: its draft with the prefixed subject. */
export function renderDraft(draft: EmailDraft): RenderedEmail {
  const { title, ...rest } = draft;
  return renderEmail({ ...rest, subject: emailSubject(title) });
}

/** The line between the applicant's language and the Japanese email in the text part. */
export const JAPANESE_PART_RULE = "========================================";

/**
 * A subject longer than this (in UTF-16 code units, prefix included) leaves the Japanese title
 * out: a mail client shows some 40 to 80 characters of a subject, and the Japanese title is the
 * first thing after the rule in the body anyway. Every subject of today's templates fits in every
 * language (tests/unit/emails-i18n.test.ts).
 */
export const MAX_BILINGUAL_SUBJECT_LENGTH = 120;

/**
 * The subject of a translated email: the prefix, the title in the applicant's language, then
 * " / " and the Japanese title when the whole stays within MAX_BILINGUAL_SUBJECT_LENGTH.
 */
export function bilingualSubject(title: string, japaneseTitle: string): string {
  const own = emailSubject(title);
  const both = `${own} / ${japaneseTitle}`;
  return both.length <= MAX_BILINGUAL_SUBJECT_LENGTH ? both : own;
}

/**
 * A translated email: the applicant's language (`lang`, its BCP 47 tag), then JAPANESE_PART_RULE,
 * `note` (in the applicant's language: the Japanese text follows) and the Japanese email exactly
 * as renderDraft(japanese) writes it. The HTML part has the two as articles, each with its lang.
 */
export function renderTranslatedEmail(
  translated: EmailDraft,
  japanese: EmailDraft,
  { lang, note }: { lang: string; note: string },
): RenderedEmail {
  assertSafeLinks(translated.blocks);
  const japaneseEmail = renderDraft(japanese);
  const subject = bilingualSubject(translated.title, japanese.title);
  const text = `${renderText({ ...translated, subject })}\n${JAPANESE_PART_RULE}\n${note}\n\n${japaneseEmail.text}`;
  const html = renderHtmlPage(
    subject,
    lang,
    `<div style="${PAGE_STYLE}">
${renderArticle(translated, emailSubject(translated.title), lang)}
<hr style="margin:32px 0 16px;border:0;border-top:3px double #4d4d4d;">
<p style="margin:0 0 24px;">${escapeHtml(note)}</p>
${renderArticle(japanese, japaneseEmail.subject, "ja")}
</div>`,
  );
  return { subject, text, html };
}
