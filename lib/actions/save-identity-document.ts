"use server";
// 本人確認書類: 次へ, 一時保存 and 「…を削除」. Picked images are stored whatever else is wrong, so
// the applicant never has to pick them again; 次へ then needs the document type and every image
// that document has.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { findApplicationOf, isEditableStatus } from "@/lib/applications/draft-application";
import { saveIdentityDocument } from "@/lib/applications/save-identity-document";
import { removeApplicationImage } from "@/lib/files/application-files";
import { readFormIntent, storePickedImages } from "@/lib/files/form-images";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { requireStepReachable } from "@/lib/registration/progress";
import {
  IDENTITY_DOCUMENT_MESSAGES,
  IDENTITY_IMAGE_FIELDS,
  IDENTITY_IMAGE_SLOTS,
  identityDocumentDraftSchema,
  identityImageSides,
  missingIdentityImages,
} from "@/lib/schemas/identity-document";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";
import { messageRef } from "@/lib/i18n/message-ref";

const slots = IDENTITY_IMAGE_FIELDS.map((field) => IDENTITY_IMAGE_SLOTS[field]);

export async function saveIdentityDocumentAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("saveIdentityDocumentAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const intent = readFormIntent(formData, slots);
  const values = formDataToStrings(formData, ["documentType"]);
  const parsed = identityDocumentDraftSchema.safeParse(values);
  // Only a value that is not one of the options fails here (a tampered form): change nothing.
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const documentType = parsed.data.documentType ?? null;

  const before = await findApplicationOf(applicant.id);
  if (!before || !isEditableStatus(before.status))
    return errorState({ formError: IMAGE_MESSAGES.notEditable, values });
  let changed = false;

  // Images of another document no longer count: a new type starts with no images.
  const savedType = before.identityDocument?.documentType ?? null;
  if (documentType && savedType && documentType !== savedType) {
    for (const slot of slots) await removeApplicationImage(applicant.id, slot);
    changed = true;
  }
  if (intent.kind === "remove") {
    if (!(await removeApplicationImage(applicant.id, intent.slot))) {
      return errorState({ formError: IMAGE_MESSAGES.notEditable, values });
    }
    changed = true;
  }
  const inputs = IDENTITY_IMAGE_FIELDS.map((field) => ({ name: field, slot: IDENTITY_IMAGE_SLOTS[field] }));
  const stored = await storePickedImages(
    applicant.id,
    formData,
    inputs.filter((input) => intent.kind !== "remove" || input.slot !== intent.slot),
  );
  changed ||= stored.changed;

  const after = await findApplicationOf(applicant.id);
  const storedSlots = new Set(after?.files.map((file) => file.slot));
  const missing = missingIdentityImages(documentType, (field) =>
    storedSlots.has(IDENTITY_IMAGE_SLOTS[field]),
  );
  const fileErrors = stored.fieldErrors;
  const isComplete =
    documentType !== null && Object.keys(missing).length === 0 && Object.keys(fileErrors).length === 0;
  const saved = !stored.formError && (await saveIdentityDocument(applicant.id, documentType, isComplete));
  if (changed) refresh();
  if (!saved) return errorState({ formError: IMAGE_MESSAGES.notEditable, values });

  if (intent.kind === "next") {
    const fieldErrors: Record<string, string[]> = {};
    if (!documentType) fieldErrors.documentType = [IDENTITY_DOCUMENT_MESSAGES.documentTypeRequired];
    for (const field of IDENTITY_IMAGE_FIELDS) {
      const message = fileErrors[field]?.[0] ?? missing[field];
      if (message) fieldErrors[field] = [message];
    }
    if (Object.keys(fieldErrors).length > 0) return errorState({ fieldErrors, values });
    redirect(pathAfterGroupSave(formData));
  }
  if (Object.keys(fileErrors).length > 0) return errorState({ fieldErrors: fileErrors, values });
  const removed =
    intent.kind === "remove"
      ? identityImageSides(savedType).find((side) => side.slot === intent.slot)
      : undefined;
  const formMessage = removed
    ? messageRef("documents.image.removed", { label: removed.labelRef })
    : messageRef("documents.image.draftSaved");
  return { status: "success", formMessage, values, submittedAt: Date.now() };
}
