import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s | 建設キャリアアップシステム", default: "建設キャリアアップシステム" },
  description: "建設キャリアアップシステム 技能者情報登録 インターネット申請",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) is new on each response.
  await connection();
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
