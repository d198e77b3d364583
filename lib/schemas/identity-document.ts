// The 本人確認書類 page of 申請内容登録: which document, and an image of each of its
// sides (slots identity-front / identity-back). One schema for the browser form and the server
// action, plus a lenient draft schema for 一時保存; the images' own rules are in
// lib/files/image-rules.ts. Browser-safe: no node-only imports.
import { z } from "zod";
import { choiceSchema } from "@/lib/schemas/normalize";
import { requiredOnSubmit, type Mode } from "@/lib/schemas/mode";
import { IDENTITY_DOCUMENT_MESSAGES, IDENTITY_DOCUMENT_TYPES } from "@/lib/schemas/identity-document-fields";

export * from "@/lib/schemas/identity-document-fields";
const M = IDENTITY_DOCUMENT_MESSAGES;

function documentTypeSchema() {
  return choiceSchema(IDENTITY_DOCUMENT_TYPES, {
    required: M.documentTypeRequired,
    invalid: M.documentTypeInvalid,
  });
}

function makeSchema<M extends Mode>(mode: M) {
  return z.object({ documentType: requiredOnSubmit(mode, documentTypeSchema()) });
}

/** 書類の種類 as sent with 次へ. */
export const identityDocumentSchema = makeSchema("submit");

/** 書類の種類 for 一時保存: may be left unchosen. */
export const identityDocumentDraftSchema = makeSchema("draft");

export type IdentityDocument = z.output<typeof identityDocumentSchema>;
export type IdentityDocumentDraft = z.output<typeof identityDocumentDraftSchema>;
export type IdentityDocumentInput = z.input<typeof identityDocumentSchema>;
