// 20_申請の修正: an application returned with 不備 — which items, why (the office's reasons and
// comments), a link to each page that fixes them, then the check page and 再申請する. Only the
// signed-in applicant's own application is read: there is no id in the address.
import type { Metadata } from "next";
import Link from "next/link";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { findCorrectionState } from "@/lib/applications/returned-items";
import { loadApplicantPage } from "@/lib/dal/applicant-page";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { APPLICATION_STATUS_LABELS } from "@/lib/labels";
import { CONFIRM_PATH, RETURN_TO_CORRECTION, changeHref } from "@/lib/registration/return-to";

export const metadata: Metadata = { title: "20_申請の修正" };

export default async function CorrectionPage() {
  const { applicant, frame } = await loadApplicantPage("/correction");
  const { status, returned } = await findCorrectionState(applicant.id);

  if (!returned) {
    return (
      <ApplicantFrame {...frame}>
        <h1 className="page-title">20_申請の修正</h1>
        <Notice tone="info" title="修正が必要な申請はありません">
          <p>
            登録事務局から申請内容の不備をお知らせしたときに、この画面で修正します。
            {status ? `現在の申請状況：${APPLICATION_STATUS_LABELS[status]}` : ""}
          </p>
        </Notice>
        <p>
          <ButtonLink href="/menu" variant="secondary">
            メニューへ戻る
          </ButtonLink>
        </p>
      </ApplicantFrame>
    );
  }

  return (
    <ApplicantFrame {...frame}>
      <h1 className="page-title">20_申請の修正</h1>
      <Notice tone="warning" title="申請内容に不備があります">
        <p>
          申請番号 {returned.applicationNumber}{" "}
          の申請について、登録事務局から次の項目の修正をお願いしています（
          {formatJstDateTimeJa(returned.returnedAt)}）。
        </p>
      </Notice>
      <h2 className="section-title">修正が必要な項目</h2>
      {returned.groups.map((group) => (
        <section
          key={group.groupKey}
          className="returned-group"
          aria-labelledby={`returned-${group.groupKey}`}
        >
          <h3 className="section-title" id={`returned-${group.groupKey}`}>
            {group.groupLabel}
          </h3>
          <ul>
            {group.items.map((item) => (
              <li key={item.id}>
                <strong>{item.reasonLabel}</strong>
                {item.comment ? (
                  <p className="returned-group__comment">登録事務局からのコメント：{item.comment}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link href={changeHref(group.path, undefined, RETURN_TO_CORRECTION)}>
              {group.groupLabel}を修正する
            </Link>
          </p>
        </section>
      ))}
      <h2 className="section-title">修正が終わったら</h2>
      <p>
        すべての項目を直したら、「申請内容の確認へ進む」を押して内容を確認し、「再申請する」を押してください。申請番号は変わりません。
      </p>
      <p>
        <ButtonLink href={CONFIRM_PATH}>申請内容の確認へ進む</ButtonLink>
      </p>
    </ApplicantFrame>
  );
}
