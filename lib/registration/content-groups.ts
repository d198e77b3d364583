// The groups of 申請内容登録, in order, per registration type: 詳細型 has every group, 簡略型
// those not marked detailedOnly.
export interface ContentGroup {
  key: string;
  label: string;
  /** The page where the group is entered. */
  path: string;
  detailedOnly: boolean;
}

export const contentGroups: readonly ContentGroup[] = [
  {
    key: "personal-info",
    label: "本人情報",
    path: "/registration/content/personal-info",
    detailedOnly: false,
  },
  {
    key: "identity-document",
    label: "本人確認書類",
    path: "/registration/content/identity-document",
    detailedOnly: false,
  },
  { key: "face-photo", label: "顔写真", path: "/registration/content/face-photo", detailedOnly: false },
  { key: "employer", label: "所属事業者情報", path: "/registration/content/employer", detailedOnly: false },
  { key: "job-types", label: "職種", path: "/registration/content/job-types", detailedOnly: false },
  // 社会保険, 建退共 and 中退共 are short: one page holds all three.
  {
    key: "social-insurance",
    label: "社会保険（健康保険・年金保険・雇用保険）",
    path: "/registration/content/social-insurance",
    detailedOnly: false,
  },
  {
    key: "kentaikyo",
    label: "建退共",
    path: "/registration/content/social-insurance#kentaikyo",
    detailedOnly: false,
  },
  {
    key: "chutaikyo",
    label: "中退共",
    path: "/registration/content/social-insurance#chutaikyo",
    detailedOnly: false,
  },
  { key: "education", label: "学歴", path: "/registration/content/education", detailedOnly: true },
  {
    key: "workers-comp",
    label: "労災保険特別加入",
    path: "/registration/content/workers-comp",
    detailedOnly: true,
  },
  {
    key: "health-checks",
    label: "健康診断受診履歴",
    path: "/registration/content/health-checks",
    detailedOnly: true,
  },
  {
    key: "qualifications",
    label: "保有資格（登録基幹技能者を含む）",
    path: "/registration/content/qualifications",
    detailedOnly: true,
  },
  { key: "trainings", label: "研修受講履歴", path: "/registration/content/trainings", detailedOnly: true },
  { key: "awards", label: "表彰履歴", path: "/registration/content/awards", detailedOnly: true },
];

export function groupsFor(registrationType: "SIMPLE" | "DETAILED"): ContentGroup[] {
  return contentGroups.filter((group) => registrationType === "DETAILED" || !group.detailedOnly);
}

/** A group that only 詳細型 has (the six pages of 詳細型への移行). */
export function isDetailedOnlyGroup(key: string | null | undefined): boolean {
  return contentGroups.some((group) => group.key === key && group.detailedOnly);
}

/**
 * The type the application is written and sent as: 詳細型 while a 簡略型 registration moves to
 * 詳細型 (詳細型への移行: upgradeStartedAt set; the stored type stays 簡略型 until 承認).
 */
export function effectiveRegistrationType(application: {
  registrationType: "SIMPLE" | "DETAILED" | null;
  upgradeStartedAt: Date | null;
}): "SIMPLE" | "DETAILED" | null {
  return application.upgradeStartedAt ? "DETAILED" : application.registrationType;
}
