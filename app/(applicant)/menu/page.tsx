// 新パスワードで再ログイン後の初期画面: where an applicant lands after signing in with their own password.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { loadApplicantPage } from "@/lib/dal/applicant-page";

export const metadata: Metadata = { title: "メニュー" };

export default async function MenuPage() {
  const { frame } = await loadApplicantPage("/menu");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">技能者情報登録 インターネット申請</h1>
      <p>建設キャリアアップシステムにおける申請用の画面です。</p>
      <p>左記メニューより、新規登録をしてください。</p>
      <p className="hint-text">
        メニューが表示されない場合は、画面上部の「メニューを開く」ボタン（ハンバーガーメニュー）を押してください。
      </p>
    </ApplicantFrame>
  );
}
