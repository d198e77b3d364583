// 本人確認書類 and 顔写真 (issue 15): the applicant's words are references into
// messages/<language>/documents.json; in Japanese they are exactly the names the check page and
// staff review use (lib/schemas/identity-document-fields.ts), in English their translation.
import { describe, expect, it } from "vitest";
import { textIn } from "@/lib/i18n/translate";
import {
  IDENTITY_DOCUMENT_MESSAGES,
  IDENTITY_DOCUMENT_TYPES,
  IDENTITY_DOCUMENT_TYPE_LABELS,
  identityDocumentSchema,
  identityDocumentTypeRef,
  identityImageSides,
  missingIdentityImages,
} from "@/lib/schemas/identity-document";
import { FACE_PHOTO_LABEL, FACE_PHOTO_LABEL_REF, FACE_PHOTO_MESSAGES } from "@/lib/schemas/face-photo";

describe("本人確認書類's words", () => {
  it("name every document type and image side in Japanese as the check page does", async () => {
    for (const type of [...IDENTITY_DOCUMENT_TYPES, null]) {
      if (type)
        expect(await textIn("ja", identityDocumentTypeRef(type))).toBe(IDENTITY_DOCUMENT_TYPE_LABELS[type]);
      for (const side of identityImageSides(type)) {
        expect(await textIn("ja", side.labelRef)).toBe(side.label);
        expect(side.reminderRef === undefined ? undefined : await textIn("ja", side.reminderRef)).toBe(
          side.reminder,
        );
      }
    }
  });

  it("asks for each missing image by its name, in Japanese and English", async () => {
    const missing = missingIdentityImages("residence-card", (field) => field === "identityFront");
    expect(Object.keys(missing)).toEqual(["identityBack"]);
    expect(await textIn("ja", missing.identityBack ?? "")).toBe("在留カードの裏面の画像を選んでください。");
    expect(await textIn("en", missing.identityBack ?? "")).toBe(
      "Choose an image: Back of the residence card (在留カード).",
    );
  });

  it("asks for the document type", async () => {
    const result = identityDocumentSchema.safeParse({ documentType: "" });
    expect(result.success).toBe(false);
    const message = result.success ? "" : (result.error.issues[0]?.message ?? "");
    expect(message).toBe(IDENTITY_DOCUMENT_MESSAGES.documentTypeRequired);
    expect(await textIn("ja", message)).toBe("本人確認書類の種類を選んでください。");
    expect(await textIn("en", message)).toBe("Choose the kind of identity document.");
  });
});

describe("顔写真's words", () => {
  it("are the same label in Japanese, translated in English", async () => {
    expect(await textIn("ja", FACE_PHOTO_LABEL_REF)).toBe(FACE_PHOTO_LABEL);
    expect(await textIn("ja", FACE_PHOTO_MESSAGES.required)).toBe("顔写真の画像を選んでください。");
    expect(await textIn("en", FACE_PHOTO_MESSAGES.required)).toBe("Choose an image: Face photo.");
  });
});
