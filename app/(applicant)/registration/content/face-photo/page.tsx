// 申請内容登録 › 顔写真.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import { FacePhotoForm } from "@/components/registration/face-photo-form";
import { Notice } from "@/components/ui/notice";
import { loadContentPage } from "@/lib/dal/content-page";
import { FACE_PHOTO_HEIGHT, FACE_PHOTO_WIDTH } from "@/lib/files/image-rules";

export const metadata: Metadata = { title: "顔写真" };

export default async function FacePhotoPage() {
  const { frame, application } = await loadContentPage("/registration/content/face-photo");
  const photo = application.files.find((file) => file.slot === "face-photo");
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title="顔写真" />
      <p>
        建設キャリアアップカードに印刷される顔写真です。スマートフォンで撮影した写真をそのまま選べます。写真は横
        {FACE_PHOTO_WIDTH}×縦{FACE_PHOTO_HEIGHT}
        ピクセルに自動で切り取り・縮小して登録されます。
      </p>
      <Notice tone="info" title="使える写真" headingLevel={2}>
        <ul>
          <li>6か月以内に撮影した、本人だけが写っている写真</li>
          <li>正面を向き、帽子・サングラス・マスクを外した写真</li>
          <li>背景に模様や物が写っていない、無地の背景の写真</li>
          <li>顔がはっきりわかる明るさで、影や加工（フィルター）のない写真</li>
          <li>頭の上から胸元までが入るように、縦長で撮影した写真</li>
        </ul>
        <p>
          登録が完了した後は、顔写真を変更できません。送信する前に、下に表示される写真を確認してください。
        </p>
      </Notice>
      <FacePhotoForm
        current={photo ? { fileId: photo.id, width: photo.width, height: photo.height } : null}
      />
    </ApplicantFrame>
  );
}
