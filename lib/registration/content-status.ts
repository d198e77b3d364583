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
  identityDocument: { isComplete: boolean } | null;
  files: readonly { slot: string }[];
  groupStates: readonly { groupKey: string; isComplete: boolean }[];
}

export type GroupStatus = "done" | "todo";

export function groupStatus(group: ContentGroup, content: StoredContent): GroupStatus {
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
    case "identity-document":
      return content.identityDocument?.isComplete ? "done" : "todo";
    case "face-photo":
      return content.files.some((file) => file.slot === "face-photo") ? "done" : "todo";
    default:
      // The 詳細型 groups: rows may be none at all, so 次へ on the page records completion.
      return content.groupStates.some((state) => state.groupKey === group.key && state.isComplete)
        ? "done"
        : "todo";
  }
}
