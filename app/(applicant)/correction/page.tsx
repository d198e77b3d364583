// 20_申請の修正: an application returned with 不備 — which items, why (the office's reasons and
// comments), a link to each page that fixes them, then the check page and 再申請する. Only the
// signed-in applicant's own application is read: there is no id in the address.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatJstDateTimeFor, JapaneseData } from "@/components/ui/japanese-data";
import { checkWords } from "@/components/registration/check-words";
import { NameWithJapanese } from "@/components/ui/name-with-japanese";
import { findCorrectionState } from "@/lib/applications/returned-items";
import { returnReasonLabelIn } from "@/lib/reference/return-reason-labels";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import type { Translate } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { CONFIRM_PATH, RETURN_TO_CORRECTION, changeHref } from "@/lib/registration/return-to";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.correction");
  return { title: withoutRuby(t("title")) };
}

export default async function CorrectionPage() {
  const { applicant, frame } = await loadApplicantPage("/correction");
  const { status, returned } = await findCorrectionState(applicant.id);
  const t = await getTranslations("review");
  const locale = (await getLocale()) as Locale;
  const words = checkWords((await getTranslations()) as unknown as Translate, locale);

  if (!returned) {
    return (
      <ApplicantFrame {...frame}>
        <h1 className="page-title">{withRuby(t("correction.title"))}</h1>
        <Notice tone="info" title={t("correction.noneTitle")}>
          <p>
            {withRuby(t("correction.noneBody"))}
            {status
              ? withRuby(t("correction.currentStatus", { status: t(`applicationStatus.${status}`) }))
              : ""}
          </p>
        </Notice>
        <p>
          <ButtonLink href="/menu" variant="secondary">
            {withRuby(t("correction.backToMenu"))}
          </ButtonLink>
        </p>
      </ApplicantFrame>
    );
  }

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">{withRuby(t("correction.title"))}</h1>
      <Notice tone="warning" title={t("correction.returnedTitle")}>
        <p>
          {withRuby(
            t("correction.returnedBody", {
              number: returned.applicationNumber,
              at: formatJstDateTimeFor(locale, returned.returnedAt),
            }),
          )}
        </p>
      </Notice>
      <h2 className="section-title">{withRuby(t("correction.itemsTitle"))}</h2>
      {returned.groups.map((group) => {
        const groupName = words.groupTitle({ key: group.groupKey, title: group.groupLabel });
        return (
          <section
            key={group.groupKey}
            className="returned-group"
            aria-labelledby={`returned-${group.groupKey}`}
          >
            <h3 className="section-title" id={`returned-${group.groupKey}`}>
              {withRuby(groupName)}
            </h3>
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  {/* The reason in the page's language where data/return-reasons.csv has it, with the
                      Japanese the office chose beside it; the comment is the office's own words. */}
                  <strong>
                    <NameWithJapanese parts={returnReasonLabelIn(locale, item.reasonLabel)} locale={locale} />
                  </strong>
                  {item.comment ? (
                    <p className="returned-group__comment">
                      {withRuby(t("correction.comment"))}
                      <JapaneseData text={item.comment} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            <p>
              <Link href={changeHref(group.path, undefined, RETURN_TO_CORRECTION)}>
                {withRuby(t("correction.fixLink", { group: groupName }))}
              </Link>
            </p>
          </section>
        );
      })}
      <h2 className="section-title">{withRuby(t("correction.doneTitle"))}</h2>
      <p>{withRuby(t("correction.doneBody"))}</p>
      <p>
        <ButtonLink href={CONFIRM_PATH}>{withRuby(t("correction.toConfirm"))}</ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
