// 申請内容登録 › 保有資格 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("qualifications");

export default function QualificationsPage() {
  return <RowGroupPage groupKey="qualifications" />;
}
