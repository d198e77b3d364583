// What a translator still has to write (issue 15, docs/i18n.md):
//   npx tsx scripts/i18n-missing.ts <locale> [namespace]
// prints every key the language lacks (or has beyond the Japanese) with its Japanese and English text.
import ja from "../messages/ja";
import en from "../messages/en";
import { loadAllMessages } from "../lib/i18n/messages";
import { isLocale } from "../lib/i18n/locales";

function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof tree === "string") return found.set(prefix, tree);
  for (const [key, value] of Object.entries((tree ?? {}) as Record<string, unknown>)) {
    for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
  }
  return found;
}

const [locale, namespace] = process.argv.slice(2);
if (!isLocale(locale)) {
  console.error("usage: npx tsx scripts/i18n-missing.ts <ja|en|vi|id|zh-Hans|my|ne|ja-x-easy> [namespace]");
  process.exit(2);
}
const own = leaves((await loadAllMessages())[locale]);
const japanese = leaves(ja);
const english = leaves(en);
const inScope = (key: string) => !namespace || key.startsWith(`${namespace}.`);
let missing = 0;
for (const [key, text] of japanese) {
  if (!inScope(key) || own.has(key)) continue;
  missing += 1;
  console.log(`${key}\n  ja: ${text}\n  en: ${english.get(key) ?? "(none)"}`);
}
const extra = [...own.keys()].filter((key) => inScope(key) && !japanese.has(key));
for (const key of extra) console.log(`EXTRA ${key} (not in the Japanese catalogue)`);
console.log(`${locale}: ${missing} missing, ${extra.length} extra`);
