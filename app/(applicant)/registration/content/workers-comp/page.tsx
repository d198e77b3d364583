// 申請内容登録 › 労災保険特別加入 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("workers-comp");

export default function WorkersCompPage() {
  return <RowGroupPage groupKey="workers-comp" />;
}
