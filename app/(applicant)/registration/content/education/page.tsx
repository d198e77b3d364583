// 申請内容登録 › 学歴 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "学歴" };

export default function EducationPage() {
  return <RowGroupPage groupKey="education" />;
}
