// Reads the consent documents operators publish as files: data/consents/<kind>.v<version>.md.
// The first "# " line is the title; the rest is the body (a small Markdown subset).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ConsentKind } from "@/lib/generated/prisma/client";

export const consentSlugs: Record<ConsentKind, string> = {
  PERSONAL_INFO: "personal-info",
  TERMS: "terms",
};

export interface ConsentFile {
  kind: ConsentKind;
  version: number;
  title: string;
  body: string;
  contentHash: string;
}

export function consentContentHash(title: string, body: string): string {
  return createHash("sha256").update(`${title}\n${body}`).digest("hex");
}

export function parseConsentFile(fileName: string, text: string): ConsentFile | null {
  const match = /^([a-z-]+)\.v(\d+)\.md$/.exec(fileName);
  if (!match) return null;
  const kind = (Object.keys(consentSlugs) as ConsentKind[]).find((k) => consentSlugs[k] === match[1]);
  if (!kind) return null;
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const titleIndex = lines.findIndex((line) => line.startsWith("# "));
  if (titleIndex === -1) throw new Error(`${fileName}: the first heading ("# title") is missing`);
  const title = (lines[titleIndex] ?? "").slice(2).trim();
  const body = lines
    .slice(titleIndex + 1)
    .join("\n")
    .trim();
  return { kind, version: Number(match[2]), title, body, contentHash: consentContentHash(title, body) };
}

export async function readConsentFiles(directory: string): Promise<ConsentFile[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const files = await Promise.all(
    names.map(async (name) => parseConsentFile(name, await readFile(path.join(directory, name), "utf8"))),
  );
  return files.filter((file): file is ConsentFile => file !== null);
}
