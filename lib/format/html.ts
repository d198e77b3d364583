// Text made safe to stand in HTML written as a string (the plain 503 and 413 pages, <ruby> strings).
// No imports: proxy.ts loads it. (emails/render.ts keeps its own, which writes named entities.)

/** Text made safe to stand in HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
