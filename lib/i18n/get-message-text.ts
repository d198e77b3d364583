// The server's side of lib/i18n/message-ref.ts (server components, server actions, emails).
import "server-only";
import { getTranslations } from "next-intl/server";
import { messageText, type Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

export async function getMessageText(locale?: Locale): Promise<(message: string) => string> {
  const t = (await getTranslations(locale ? { locale } : undefined)) as unknown as Translate;
  return (message: string) => messageText(t, message);
}
