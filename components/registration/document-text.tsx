// Renders a consent document's body (a small Markdown subset: ##/### headings, "- " and "1. "
// lists, paragraphs) as React elements. No HTML from the text is ever trusted. A reading aid in
// やさしい日本語 carries readings (漢字《かんじ》), shown as <ruby>.
import type { ReactNode } from "react";
import { withRuby } from "@/lib/i18n/ruby";

type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "paragraph"; text: string };

export function parseDocumentBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    const last = blocks.at(-1);
    if (!line) {
      blocks.push({ kind: "paragraph", text: "" });
    } else if (line.startsWith("### ") || line.startsWith("## ")) {
      blocks.push({
        kind: "heading",
        level: line.startsWith("### ") ? 3 : 2,
        text: line.replace(/^#+ /, ""),
      });
    } else if (/^(- |\d+\. )/.test(line)) {
      const ordered = /^\d+\. /.test(line);
      const text = line.replace(/^(- |\d+\. )/, "");
      if (last?.kind === "list" && last.ordered === ordered) last.items.push(text);
      else blocks.push({ kind: "list", ordered, items: [text] });
    } else if (last?.kind === "paragraph" && last.text) {
      last.text += line;
    } else {
      blocks.push({ kind: "paragraph", text: line });
    }
  }
  return blocks.filter((block) => block.kind !== "paragraph" || block.text);
}

/**
 * Headings inside the document start one level below the page's own h2 (## is an h3, ### an h4),
 * or at `firstHeadingLevel` when the document sits under a deeper heading. `readings`: the text's
 * 漢字《かんじ》 become <ruby> (a reading aid in やさしい日本語; never the binding text).
 */
export function DocumentText({
  body,
  firstHeadingLevel = 3,
  readings = false,
}: {
  body: string;
  firstHeadingLevel?: 3 | 4;
  readings?: boolean;
}) {
  const text = readings ? withRuby : (plain: string): ReactNode => plain;
  return parseDocumentBlocks(body).map((block, index): ReactNode => {
    if (block.kind === "heading") {
      const Heading = `h${firstHeadingLevel + (block.level === 2 ? 0 : 1)}` as "h3" | "h4" | "h5";
      return <Heading key={index}>{text(block.text)}</Heading>;
    }
    if (block.kind === "list") {
      const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{text(item)}</li>);
      return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
    return <p key={index}>{text(block.text)}</p>;
  });
}
