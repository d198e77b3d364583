// The maintenance page, and the page of a database that cannot be reached: plain HTML answered by
// the proxy with 503 and Retry-After, so it needs no database, no session and no React.
// In the applicant's language (issue 15), chosen as a page's is (lib/i18n/resolve.ts: staff paths
// Japanese), with the Japanese page below it for staff and employers. Its words are the
// `unavailable` namespace alone: these run on every request, so only its eight small files are
// loaded (not the catalogues), and use-intl's core translator writes them (lib/i18n/translator.ts).
import ja from "@/messages/ja/unavailable.json";
import en from "@/messages/en/unavailable.json";
import vi from "@/messages/vi/unavailable.json";
import id from "@/messages/id/unavailable.json";
import zhHans from "@/messages/zh-Hans/unavailable.json";
import my from "@/messages/my/unavailable.json";
import ne from "@/messages/ne/unavailable.json";
import jaEasy from "@/messages/ja-x-easy/unavailable.json";
import { formatJstDateTime } from "@/lib/format/date";
import { LOCALE_COOKIE, LOCALE_INFO, type Locale } from "@/lib/i18n/locales";
import type { MessageKey, MessageValues, Translate } from "@/lib/i18n/message-ref";
import { resolveLocale } from "@/lib/i18n/resolve";
import { escapeHtml as escape } from "@/lib/format/html";
import { rubyHtml, withoutRuby } from "@/lib/i18n/ruby-text";
import { translatorOver } from "@/lib/i18n/translator";
import {
  describeMaintenanceWindows,
  maintenanceWordingFrom,
  type MaintenanceWindow,
} from "@/lib/maintenance";

/** The `unavailable` namespace of each language: all of the catalogues these pages load. */
export const UNAVAILABLE_MESSAGES: Readonly<Record<Locale, typeof ja>> = {
  ja,
  en,
  vi,
  id,
  "zh-Hans": zhHans,
  my,
  ne,
  "ja-x-easy": jaEasy,
};

const translators = new Map<Locale, Translate>();

function translatorIn(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = translatorOver(locale, { unavailable: UNAVAILABLE_MESSAGES[locale] });
    translators.set(locale, translate);
  }
  return translate;
}

/** The keys of the `unavailable` namespace, without it. */
type KeysUnder<Key, Namespace extends string> = Key extends `${Namespace}.${infer Rest}` ? Rest : never;
type UnavailableKey = KeysUnder<MessageKey, "unavailable">;

/** A message as HTML (escaped, readings as <ruby>); `emphasis` is shown in <strong> where {emphasis} stands. */
function sayIn(locale: Locale) {
  const t = translatorIn(locale);
  const text = (key: UnavailableKey, values?: MessageValues) => t(`unavailable.${key}`, values);
  const html = (key: UnavailableKey, values?: MessageValues, emphasis?: { name: string; text: string }) => {
    if (!emphasis) return rubyHtml(text(key, values));
    // A character no message holds marks where the value goes; the text around it is escaped.
    const mark = "\uE000";
    return text(key, { ...values, [emphasis.name]: mark })
      .split(mark)
      .map(rubyHtml)
      .join(`<strong>${escape(emphasis.text)}</strong>`);
  };
  return { text, html };
}

/** What a plain page says in one language: title and heading as text, the body as HTML. */
interface PlainPageText {
  title: string;
  heading: string;
  body: string;
}

/** The font of each language but Japanese (as app/styles/tokens.css names them). */
const FONT_FAMILIES: Readonly<Record<string, string>> = {
  en: '"Noto Sans","Segoe UI","Roboto","Helvetica Neue",sans-serif',
  vi: '"Noto Sans","Segoe UI","Roboto","Helvetica Neue",sans-serif',
  id: '"Noto Sans","Segoe UI","Roboto","Helvetica Neue",sans-serif',
  "zh-Hans": '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif',
  my: '"Noto Sans Myanmar","Myanmar Text","Padauk","Noto Sans",sans-serif',
  ne: '"Noto Sans Devanagari","Nirmala UI","Kohinoor Devanagari","Noto Sans",sans-serif',
};
const JAPANESE_FONT_FAMILY = '"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans",sans-serif';

/**
 * The plain page both 503 answers share: the portal's header, a heading, paragraphs (HTML). In
 * Japanese exactly the page it was before issue 15; in another language that language's page with
 * the Japanese page below it (lang="ja"), and both titles.
 */
function renderPlainPage(options: {
  nonce: string;
  locale: Locale;
  write: (say: ReturnType<typeof sayIn>) => PlainPageText;
}): string {
  const { locale } = options;
  const japanese = options.write(sayIn("ja"));
  const own = locale === "ja" ? japanese : options.write(sayIn(locale));
  const htmlLang = LOCALE_INFO[locale].htmlLang;
  const title = locale === "ja" ? japanese.title : `${withoutRuby(own.title)} / ${japanese.title}`;
  const ownFont = FONT_FAMILIES[htmlLang];
  const otherStyle =
    locale === "ja"
      ? ""
      : `\nsection{margin-top:2.5rem;border-top:1px solid #767676}h2{font-size:1.25rem}${
          ownFont ? `body{font-family:${ownFont}}[lang="ja"]{font-family:${JAPANESE_FONT_FAMILY}}` : ""
        }`;
  const japaneseBelow =
    locale === "ja"
      ? ""
      : `
<p>${sayIn(locale).html("japaneseFollows")}</p>
<section lang="ja"><h2>${rubyHtml(japanese.heading)}</h2>
${japanese.body}
</section>`;
  return `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | 建設キャリアアップシステム</title>
<style nonce="${options.nonce}">
body{margin:0;font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.7}
header{background:#0b3d91;color:#fff;padding:1rem 1.5rem}header p{margin:0;font-weight:700;font-size:1.25rem}header span{display:block;font-size:.875rem;font-weight:400}
main{max-width:40rem;margin:0 auto;padding:2rem 1.5rem}h1{font-size:1.5rem}${otherStyle}
</style></head><body>
<header><p${htmlLang === "ja" ? "" : ' lang="ja"'}>建設キャリアアップシステム<span lang="en">Construction Careerup System</span></p></header>
<main><h1>${rubyHtml(own.heading)}</h1>
${own.body}${japaneseBelow}
</main></body></html>`;
}

/** The headers of every plain 503 answer (proxy.ts's two, scripts/server.ts's overload answer). */
export function unavailableHeaders(options: {
  csp: string;
  hsts: string | null;
  retryAfterSeconds: number;
}): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(options.retryAfterSeconds),
    "Cache-Control": "no-store",
    "Content-Security-Policy": options.csp,
    ...(options.hsts ? { "Strict-Transport-Security": options.hsts } : {}),
  };
}

/**
 * The language of a plain 503 answer given by Node's HTTP server outside Next.js (scripts/server.ts),
 * chosen as proxy.ts chooses a page's: the path, the `ccus-locale` cookie, Accept-Language.
 */
/** A request target's path: origin-form ("/staff/x?y") or absolute-form ("http://host/staff/x"). */
function pathnameOf(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return "/";
  }
}

export function localeOfIncomingRequest(
  url: string,
  headers: { cookie?: string | undefined; "accept-language"?: string | undefined },
): Locale {
  const cookie = (headers.cookie ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return resolveLocale({
    pathname: pathnameOf(url),
    cookie,
    acceptLanguage: headers["accept-language"],
  });
}

/** The maintenance page; `windows` are the weekly windows (MAINTENANCE_WINDOWS), described in each language. */
export function renderMaintenancePage(options: {
  nonce: string;
  locale: Locale;
  endsAt: Date | null;
  windows: readonly MaintenanceWindow[];
}): string {
  return renderPlainPage({
    nonce: options.nonce,
    locale: options.locale,
    write: ({ text, html }) => {
      const until = options.endsAt
        ? `<p>${html("maintenance.until", {}, { name: "endsAt", text: formatJstDateTime(options.endsAt) })}</p>`
        : `<p>${html("maintenance.wait")}</p>`;
      const words = maintenanceWordingFrom((part, values) => text(`schedule.${part}`, values));
      const schedule = describeMaintenanceWindows(options.windows, words);
      return {
        title: text("maintenance.title"),
        heading: text("maintenance.heading"),
        body: `<p>${html("maintenance.body")}</p>
${until}${schedule ? `<p>${html("maintenance.regular", { schedule })}</p>` : ""}`,
      };
    },
  });
}

/** The heading of the page answered (503) while the database cannot be reached (lib/db-availability.ts). */
export const DATABASE_UNAVAILABLE_HEADING = ja.database.heading;

/**
 * The database is down or restarting: proxy.ts answers every page and action with this (503);
 * and an overloaded instance (scripts/server.ts) answers what it cannot take on.
 */
export function renderDatabaseUnavailablePage(options: { nonce: string; locale: Locale }): string {
  return renderPlainPage({
    nonce: options.nonce,
    locale: options.locale,
    write: ({ text, html }) => ({
      title: text("database.title"),
      heading: text("database.heading"),
      body: `<p>${html("database.body")}</p>
<p>${html("database.kept")}</p>`,
    }),
  });
}
