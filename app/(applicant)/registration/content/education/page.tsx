// 申請内容登録 › 学歴 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("education");

export default function EducationPage() {
  return <RowGroupPage groupKey="education" />;
}
