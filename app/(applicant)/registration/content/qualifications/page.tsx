// 申請内容登録 › 保有資格 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "保有資格" };

export default function QualificationsPage() {
  return <RowGroupPage groupKey="qualifications" />;
}
