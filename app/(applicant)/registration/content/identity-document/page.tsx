// 申請内容登録 › 本人確認書類.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { StoredImage } from "@/components/form/image-field";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { IdentityDocumentForm } from "@/components/registration/identity-document-form";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import {
  IDENTITY_IMAGE_FIELDS,
  IDENTITY_IMAGE_SLOTS,
  type IdentityImageField,
} from "@/lib/schemas/identity-document";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documents.identity");
  return { title: withoutRuby(t("title")) };
}

export default async function IdentityDocumentPage() {
  const { frame, application } = await loadContentPage("/registration/content/identity-document");
  const t = await getTranslations("documents.identity");
  const images: Partial<Record<IdentityImageField, StoredImage>> = {};
  for (const field of IDENTITY_IMAGE_FIELDS) {
    const file = application.files.find((row) => row.slot === IDENTITY_IMAGE_SLOTS[field]);
    if (file) images[field] = { fileId: file.id, width: file.width, height: file.height };
  }
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("title")} />
      <p>{withRuby(t("intro"))}</p>
      <ClientMessages paths={["documents.identity", "content.formActions"]}>
        <IdentityDocumentForm savedType={application.identityDocument?.documentType ?? ""} images={images} />
      </ClientMessages>
    </ApplicantFrame>
  );
}
