// The statuses of an application as applicants and staff read them (SPEC §2.7).
import type { ApplicationStatus } from "@/lib/generated/prisma/client";

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "入力中",
  SUBMITTED: "申請中",
  RETURNED: "不備",
  RESUBMITTED: "再申請",
  COMPLETED: "登録完了",
  WITHDRAWN: "取下げ",
};
