"use client";
// The browser's side of lib/i18n/message-ref.ts: references put into words in the page's language.
// The page's NextIntlClientProvider must hold the referenced namespaces (ClientMessages).
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { messageText, type Translate } from "@/lib/i18n/message-ref";

export function useMessageText(): (message: string) => string {
  const t = useTranslations() as unknown as Translate;
  return useCallback((message: string) => messageText(t, message), [t]);
}
