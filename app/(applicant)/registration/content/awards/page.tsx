// 申請内容登録 › 表彰履歴 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("awards");

export default function AwardsPage() {
  return <RowGroupPage groupKey="awards" />;
}
