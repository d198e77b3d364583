// The message catalogues, one folder a language under messages/, one JSON file a namespace.
// Japanese (messages/ja) is the source: its shape is the type every other language must fill.
import type japanese from "@/messages/ja";
import type { Locale } from "@/lib/i18n/locales";

export type Messages = typeof japanese;
export type Namespace = keyof Messages;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
/** A language still being translated: the test, not the type check, holds it to every key. */
export type PartialMessages = DeepPartial<Messages>;

const loaders: Record<Locale, () => Promise<{ default: Messages | PartialMessages }>> = {
  ja: () => import("@/messages/ja"),
  en: () => import("@/messages/en"),
  vi: () => import("@/messages/vi"),
  id: () => import("@/messages/id"),
  "zh-Hans": () => import("@/messages/zh-Hans"),
  my: () => import("@/messages/my"),
  ne: () => import("@/messages/ne"),
  "ja-x-easy": () => import("@/messages/ja-x-easy"),
};

const merged = new Map<Locale, Messages>();

/** A nested group of messages (a precompiled message is a string or an array, never a plain object). */
const isNamespace = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `own` over `base`, key by key (a language still being translated shows English where it has no text). */
function over(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const under = base[key];
    result[key] =
      isNamespace(value) && isNamespace(under)
        ? over(under as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return result;
}

/**
 * A language's catalogue, made once per process. Japanese and English are whole (the type check);
 * any other language is laid over the English (やさしい日本語 over the Japanese), so a key not yet
 * translated reads in words rather than as its name — tests/unit/i18n-messages.test.ts fails on every such key.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const done = merged.get(locale);
  if (done) return done;
  const own = (await loaders[locale]()).default;
  // やさしい日本語 not yet written reads in ordinary Japanese; the other languages in English.
  const base = locale === "ja-x-easy" ? loaders.ja : loaders.en;
  const catalogue =
    locale === "ja" || locale === "en"
      ? (own as Messages)
      : (over((await base()).default, own as Record<string, unknown>) as Messages);
  merged.set(locale, catalogue);
  return catalogue;
}

/** Every language's catalogue, for tests and tools. */
export async function loadAllMessages(): Promise<Record<Locale, Messages | PartialMessages>> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([locale, load]) => [locale, (await load()).default] as const),
  );
  return Object.fromEntries(entries) as Record<Locale, Messages | PartialMessages>;
}
