// 在留資格, asked of foreign nationals on 本人情報. Browser-safe.

/**
 * 在留資格 that foreign technicians in construction hold, by their official names. When 育成就労
 * replaces 技能実習 (planned for 2027), add it here.
 */
export const RESIDENCE_STATUSES = [
  "技能実習",
  "特定技能1号",
  "特定技能2号",
  "永住者",
  "定住者",
  "日本人の配偶者等",
  "永住者の配偶者等",
  "特定活動",
  "技術・人文知識・国際業務",
  "技能",
  // Not a 在留資格 (it is a status under the 入管特例法), but special permanent residents look for
  // it in this list, so it is offered with the others.
  "特別永住者",
  "その他",
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/** Statuses with no end to the period of stay: 在留期間満了日 is neither asked nor kept. */
export const RESIDENCE_STATUSES_WITHOUT_EXPIRY: readonly ResidenceStatus[] = ["永住者", "特別永住者"];
