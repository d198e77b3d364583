// 申請内容登録 › 顔写真.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { FacePhotoForm } from "@/components/registration/face-photo-form";
import { Notice } from "@/components/ui/notice";
import { loadContentPage } from "@/lib/dal/content-page";
import { FACE_PHOTO_HEIGHT, FACE_PHOTO_WIDTH } from "@/lib/files/image-rules";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documents.face");
  return { title: withoutRuby(t("title")) };
}

const RULES = ["recent", "front", "background", "light", "portrait"] as const;

export default async function FacePhotoPage() {
  const { frame, application } = await loadContentPage("/registration/content/face-photo");
  const photo = application.files.find((file) => file.slot === "face-photo");
  const t = await getTranslations("documents.face");
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("title")} />
      <p>{withRuby(t("intro", { width: FACE_PHOTO_WIDTH, height: FACE_PHOTO_HEIGHT }))}</p>
      <Notice tone="info" title={t("rulesTitle")} headingLevel={2}>
        <ul>
          {RULES.map((rule) => (
            <li key={rule}>{withRuby(t(`rules.${rule}`))}</li>
          ))}
        </ul>
        <p>{withRuby(t("final"))}</p>
      </Notice>
      <ClientMessages paths={["documents.face", "content.formActions"]}>
        <FacePhotoForm
          current={photo ? { fileId: photo.id, width: photo.width, height: photo.height } : null}
        />
      </ClientMessages>
    </ApplicantFrame>
  );
}
