// Which groups of 申請内容登録 are complete, from what is stored.
import type { ContentGroup } from "@/lib/registration/content-groups";

export interface StoredContent {
  personalInfo: { isComplete: boolean } | null;
  employer: { isComplete: boolean } | null;
  jobTypes: unknown[];
  socialInsurance: {
    isComplete: boolean;
    healthInsurance: string | null;
    kentaikyo: string | null;
    chutaikyo: string | null;
  } | null;
}

export type GroupStatus = "done" | "todo" | "unavailable";

export function groupStatus(group: ContentGroup, content: StoredContent): GroupStatus {
  if (!group.path) return "unavailable";
  switch (group.key) {
    case "personal-info":
      return content.personalInfo?.isComplete ? "done" : "todo";
    case "employer":
      return content.employer?.isComplete ? "done" : "todo";
    case "job-types":
      return content.jobTypes.length > 0 ? "done" : "todo";
    case "social-insurance":
    case "kentaikyo":
    case "chutaikyo":
      return content.socialInsurance?.isComplete ? "done" : "todo";
    default:
      return "todo";
  }
}
