// Renders one email source (a list of blocks) into its plain-text and HTML parts, so the two can
// never say different things.

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

function renderHtml(source: EmailSource): string {
  const subject = escapeHtml(source.subject);
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<div role="article" aria-label="${subject}" lang="ja" style="max-width:600px;margin:0 auto;padding:24px 16px;background-color:#ffffff;color:#1a1a1a;font-family:${FONT_STACK};font-size:16px;line-height:1.7;">
<p style="margin:0 0 16px;">${escapeHtml(source.greeting)}</p>
${renderHtmlBody(source.blocks)}
<hr style="margin:24px 0 16px;border:0;border-top:1px solid #cccccc;">
<p style="margin:0;font-size:14px;color:#4d4d4d;">${linesToHtml(source.footer)}</p>
</div>
</body>
</html>
`;
}

export function renderEmail(source: EmailSource): RenderedEmail {
  for (const block of source.blocks) {
    if (block.kind === "field" && block.href !== undefined) assertSafeHref(block.href);
  }
  return { subject: source.subject, text: renderText(source), html: renderHtml(source) };
}
