import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { ALWAYS_ON_CLIENT, pickMessages } from "@/lib/i18n/client-messages";
import { LOCALE_INFO } from "@/lib/i18n/locales";
import { withoutRuby } from "@/lib/i18n/ruby";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  // The site's name in the page's language (staff pages: Japanese), after each page's own title.
  const t = await getTranslations("common.site");
  const site = withoutRuby(t("title"));
  return {
    title: { template: `%s | ${site}`, default: site },
    description: "建設キャリアアップシステム 技能者情報登録 インターネット申請",
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) is new on each response.
  await connection();
  // The language proxy.ts chose (issue 15): staff pages are always Japanese.
  const locale = await getLocale();
  const messages = (await getMessages()) as Record<string, unknown>;
  return (
    <html lang={LOCALE_INFO[locale].htmlLang}>
      <body>
        {/* The form components' few words for every client component; a page adds its own (ClientMessages). */}
        <NextIntlClientProvider messages={pickMessages(messages, ALWAYS_ON_CLIENT)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
