// The 本人確認書類 page's document types, image sides, labels and messages, and the rule for a
// missing image: what the browser form needs on first load. No zod here
// (lib/schemas/identity-document.ts holds the schemas and re-exports all of this).
// The Japanese texts here are what the check page, staff review and documents show; the
// applicant's pages and messages take their words from messages/<language>/documents.json (issue 15).
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { messageRef, type MessageKey } from "@/lib/i18n/message-ref";

export const IDENTITY_DOCUMENT_TYPES = [
  "my-number-card",
  "drivers-license",
  "passport-and-resident-record",
  "residence-card",
  "special-permanent-resident-certificate",
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** The option texts of 書類の種類, in IDENTITY_DOCUMENT_TYPES order. */
export const IDENTITY_DOCUMENT_TYPE_LABELS: Record<IdentityDocumentType, string> = {
  "my-number-card": "マイナンバーカード",
  "drivers-license": "運転免許証",
  "passport-and-resident-record": "パスポート＋住民票",
  "residence-card": "在留カード",
  "special-permanent-resident-certificate": "特別永住者証明書",
};

export const IDENTITY_DOCUMENT_LABELS = { documentType: "書類の種類" } as const;

/** The form field names of the two images, in the order they are asked. */
export const IDENTITY_IMAGE_FIELDS = ["identityFront", "identityBack"] as const;
export type IdentityImageField = (typeof IDENTITY_IMAGE_FIELDS)[number];

/** The application file slot each image goes to. */
export const IDENTITY_IMAGE_SLOTS = {
  identityFront: "identity-front",
  identityBack: "identity-back",
} as const satisfies Record<IdentityImageField, string>;

export interface IdentityImageSide {
  /** The field label, also used in its messages and its remove button (「…を削除」). */
  label: string;
  /** What to hide or leave out before taking the photo, when there is something. */
  reminder?: string;
}

/**
 * The images each document needs: both sides of a card, or the passport and the 住民票; the
 * マイナンバーカード only its front.
 */
export const IDENTITY_DOCUMENT_SIDES: Record<
  IdentityDocumentType,
  Partial<Record<IdentityImageField, IdentityImageSide>>
> = {
  // Only the front: the back carries the 個人番号, which this system must not collect (番号法).
  "my-number-card": {
    identityFront: { label: "マイナンバーカードの表面" },
  },
  "drivers-license": {
    identityFront: { label: "運転免許証の表面" },
    identityBack: { label: "運転免許証の裏面" },
  },
  "passport-and-resident-record": {
    identityFront: { label: "パスポートの顔写真のページ" },
    identityBack: {
      label: "住民票の写し",
      reminder:
        "住民票は、個人番号（マイナンバー）と本籍の記載がないものを使ってください。記載がある場合は、その部分を紙や付箋で隠してから撮影してください。",
    },
  },
  "residence-card": {
    identityFront: { label: "在留カードの表面" },
    identityBack: { label: "在留カードの裏面" },
  },
  "special-permanent-resident-certificate": {
    identityFront: { label: "特別永住者証明書の表面" },
    identityBack: { label: "特別永住者証明書の裏面" },
  },
};

/** The labels before a document is chosen. */
export const UNCHOSEN_IDENTITY_SIDES: Record<IdentityImageField, IdentityImageSide> = {
  identityFront: { label: "本人確認書類の画像（1枚目）" },
  identityBack: { label: "本人確認書類の画像（2枚目）" },
};

export function isIdentityDocumentType(value: unknown): value is IdentityDocumentType {
  return typeof value === "string" && (IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The option text of a document type as a reference (in the page's language). */
export function identityDocumentTypeRef(type: IdentityDocumentType): string {
  return messageRef(`documents.identity.types.${type}` as MessageKey);
}

/**
 * The images asked for a document (both unchosen images when none is chosen yet), each with its
 * label and reminder also as references (labelRef, reminderRef) for the applicant's pages.
 */
export function identityImageSides(type: string | null | undefined) {
  const chosen = isIdentityDocumentType(type) ? type : "unchosen";
  const sides = chosen === "unchosen" ? UNCHOSEN_IDENTITY_SIDES : IDENTITY_DOCUMENT_SIDES[chosen];
  return IDENTITY_IMAGE_FIELDS.flatMap((field) => {
    const side = sides[field];
    if (!side) return [];
    const labelRef = messageRef(`documents.identity.sides.${chosen}.${field}` as MessageKey);
    // The one reminder: the 住民票 of passport-and-resident-record.
    const reminderRef = side.reminder ? messageRef("documents.identity.residentRecordReminder") : undefined;
    return [{ field, slot: IDENTITY_IMAGE_SLOTS[field], ...side, labelRef, reminderRef }];
  });
}

export const IDENTITY_DOCUMENT_MESSAGES = {
  documentTypeRequired: messageRef("documents.identity.documentTypeRequired"),
  documentTypeInvalid: messageRef("documents.identity.documentTypeInvalid"),
} as const;

/**
 * The rule for 次へ: every image the chosen document needs is stored or picked now. Returns a
 * message per missing image field (labels follow the chosen document).
 */
export function missingIdentityImages(
  type: string | null | undefined,
  hasImage: (field: IdentityImageField) => boolean,
): Partial<Record<IdentityImageField, string>> {
  const missing: Partial<Record<IdentityImageField, string>> = {};
  for (const side of identityImageSides(type)) {
    if (!hasImage(side.field)) missing[side.field] = IMAGE_MESSAGES.required(side.labelRef);
  }
  return missing;
}
