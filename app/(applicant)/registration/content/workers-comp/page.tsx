// 申請内容登録 › 労災保険特別加入 (詳細型).
import type { Metadata } from "next";
import { RowGroupPage } from "@/components/registration/row-group-page";

export const metadata: Metadata = { title: "労災保険特別加入" };

export default function WorkersCompPage() {
  return <RowGroupPage groupKey="workers-comp" />;
}
