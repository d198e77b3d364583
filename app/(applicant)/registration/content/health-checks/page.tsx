// 申請内容登録 › 健康診断受診履歴 (詳細型).
import { RowGroupPage, rowGroupMetadata } from "@/components/registration/row-group-page";

export const generateMetadata = () => rowGroupMetadata("health-checks");

export default function HealthChecksPage() {
  return <RowGroupPage groupKey="health-checks" />;
}
