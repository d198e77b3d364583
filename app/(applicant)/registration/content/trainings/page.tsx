// 申請内容登録 › 研修受講履歴 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("trainings");

export default function TrainingsPage() {
  return <RowGroupPage groupKey="trainings" />;
}
