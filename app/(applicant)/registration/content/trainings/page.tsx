// 申請内容登録 › 研修受講履歴 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "研修受講履歴" };

export default function TrainingsPage() {
  return <RowGroupPage groupKey="trainings" />;
}
