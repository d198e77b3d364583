// 10_登録申請 → 登録方式についての注意事項: the first page of 登録申請, before the two consents.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { acceptRegistrationNoticeAction } from "@/lib/actions/accept-registration-notice";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { registrationFees } from "@/lib/fees";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration.notice");
  return { title: withoutRuby(t("title")) };
}

export default async function RegistrationNoticePage() {
  const { frame } = await loadApplicantPage("/registration");
  const t = await getTranslations("registration.notice");
  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      <Notice tone="info" title={t("boxTitle")}>
        <p>{withRuby(t("twoTypes"))}</p>
        <p>{withRuby(t("typeNames"))}</p>
        <p>{withRuby(t("simpleSummary"))}</p>
        <p>{withRuby(t("detailedSummary"))}</p>
        <h3 className="notice__subheading">{withRuby(t("simpleItemsHeading"))}</h3>
        <p>{withRuby(t("simpleItems"))}</p>
        <h3 className="notice__subheading">{withRuby(t("detailedItemsHeading"))}</h3>
        <p>{withRuby(t("detailedItems"))}</p>
        <p>{withRuby(t("upgrade"))}</p>
        <p>{withRuby(t("feesIntro"))}</p>
        <ul>
          <li>{withRuby(t("feeSimple", { fee: registrationFees.simple }))}</li>
          <li>{withRuby(t("feeDetailed", { fee: registrationFees.detailed }))}</li>
          <li>{withRuby(t("feeUpgrade", { fee: registrationFees.upgrade }))}</li>
        </ul>
      </Notice>
      <p>{withRuby(t("proceed"))}</p>
      <form action={acceptRegistrationNoticeAction} className="form__actions">
        <Button type="submit">{withRuby(t("yes"))}</Button>
      </form>
    </ApplicantFrame>
  );
}
