// 申請内容登録 › 健康診断受診履歴 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "健康診断受診履歴" };

export default function HealthChecksPage() {
  return <RowGroupPage groupKey="health-checks" />;
}
