// 申請内容登録 › 表彰履歴 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "表彰履歴" };

export default function AwardsPage() {
  return <RowGroupPage groupKey="awards" />;
}
