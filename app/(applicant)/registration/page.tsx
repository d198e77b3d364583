// 10_登録申請 → 登録方式についての注意事項: the first page of 登録申請, before the two consents.
import type { Metadata } from "next";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { acceptRegistrationNoticeAction } from "@/lib/actions/accept-registration-notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatYen, registrationFees } from "@/lib/fees";

export const metadata: Metadata = { title: "登録方式についての注意事項" };

export default async function RegistrationNoticePage() {
  const { frame } = await loadApplicantPage("/registration");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">登録方式についての注意事項</h1>
      <Notice tone="info" title="建設キャリアアップシステム技能者登録における登録方式について">
        <p>建設キャリアアップシステムへの技能者登録には2つの登録方式があります。</p>
        <p>「簡略型登録」と「詳細型登録」になります。</p>
        <p>「簡略型登録」では、氏名や現住所、社会保険、建退共制度への加入の有無などをご登録いただけます。</p>
        <p>
          「詳細型登録」では、技能者のレベル判定システムに必要な保有資格や健康診断の受診履歴などをご登録いただけます。
        </p>
        <h3 className="notice__subheading">「簡略型登録」登録項目</h3>
        <p>本人情報、所属事業者情報、健康保険、年金保険、雇用保険、建退共加入、中退共加入、職種</p>
        <h3 className="notice__subheading">「詳細型登録」登録項目</h3>
        <p>学歴、労災保険特別加入、健康診断受診履歴、保有資格、研修受講履歴、表彰履歴</p>
        <p>
          なお、「簡略型登録」で技能者登録完了後に利用者様任意のタイミングで「詳細型登録」への移行も可能です。
        </p>
        <p>登録料については以下の通り。</p>
        <ul>
          <li>「簡略型登録」：{formatYen(registrationFees.simple)}(税込)</li>
          <li>「詳細型登録」：{formatYen(registrationFees.detailed)}(税込)</li>
          <li>「簡略型登録」から「詳細型登録」への移行：{formatYen(registrationFees.upgrade)}(税込)</li>
        </ul>
      </Notice>
      <p>内容をご確認いただき、「はい」ボタンを押して先に進んでください。</p>
      <form action={acceptRegistrationNoticeAction} className="form__actions">
        <Button type="submit">はい</Button>
      </form>
    </ApplicantFrame>
  );
}
