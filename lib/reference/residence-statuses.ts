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

/**
 * Each status's key in messages/<language>/reference.json (residenceStatuses.<key>): the name in the
 * applicant's language, from 出入国在留管理庁's English names (issue 15). The Japanese stays the value.
 */
export const RESIDENCE_STATUS_KEYS: Readonly<Record<ResidenceStatus, string>> = {
  技能実習: "technicalIntern",
  特定技能1号: "specifiedSkilledWorker1",
  特定技能2号: "specifiedSkilledWorker2",
  永住者: "permanentResident",
  定住者: "longTermResident",
  日本人の配偶者等: "spouseOfJapanese",
  永住者の配偶者等: "spouseOfPermanentResident",
  特定活動: "designatedActivities",
  "技術・人文知識・国際業務": "engineerSpecialist",
  技能: "skilledLabor",
  特別永住者: "specialPermanentResident",
  その他: "other",
};

/** その他 is a choice of this list, not an official name: its translation stands alone. */
export const RESIDENCE_STATUSES_WITHOUT_OFFICIAL_NAME: readonly ResidenceStatus[] = ["その他"];
