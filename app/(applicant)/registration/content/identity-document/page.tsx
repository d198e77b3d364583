// 申請内容登録 › 本人確認書類.
import type { Metadata } from "next";
import type { StoredImage } from "@/components/form/image-field";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { IdentityDocumentForm } from "@/components/registration/identity-document-form";
import { loadContentPage } from "@/lib/dal/content-page";
import {
  IDENTITY_IMAGE_FIELDS,
  IDENTITY_IMAGE_SLOTS,
  type IdentityImageField,
} from "@/lib/schemas/identity-document";

export const metadata: Metadata = { title: "本人確認書類" };

export default async function IdentityDocumentPage() {
  const { frame, application } = await loadContentPage("/registration/content/identity-document");
  const images: Partial<Record<IdentityImageField, StoredImage>> = {};
  for (const field of IDENTITY_IMAGE_FIELDS) {
    const file = application.files.find((row) => row.slot === IDENTITY_IMAGE_SLOTS[field]);
    if (file) images[field] = { fileId: file.id, width: file.width, height: file.height };
  }
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title="本人確認書類" />
      <p>
        本人であることを確認するための書類です。書類の種類を選び、その書類の画像を2枚（カードは表面と裏面、パスポートの場合はパスポートと住民票）登録してください。
      </p>
      <IdentityDocumentForm savedType={application.identityDocument?.documentType ?? ""} images={images} />
    </ApplicantFrame>
  );
}
