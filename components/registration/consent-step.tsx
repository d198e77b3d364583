// Steps 1 and 2: the breadcrumb, the step indicator, the document (scrollable) and the form. The
// Japanese document binds; a page in another language shows it marked lang="ja" and a translated
// reading aid below it (lib/consents/reading-aid.ts, issue 15).
import { getLocale, getTranslations } from "next-intl/server";
import { ConsentForm } from "@/components/registration/consent-form";
import { DocumentText } from "@/components/registration/document-text";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator, STEP_MESSAGE_KEYS } from "@/components/registration/step-indicator";
import { chooseReadingAid, readingAidKey, type ConsentText } from "@/lib/consents/reading-aid";
import { formatJstDate } from "@/lib/format/date";
import { ClientMessages } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

type ConsentDocument = {
  id: string;
  kind: "PERSONAL_INFO" | "TERMS";
  title: string;
  body: string;
  version: number;
  publishedAt: Date;
  contentHash: string;
};

/** A version's text in `locale`'s catalogue, if it has one. */
async function catalogueText(locale: Locale, key: string): Promise<ConsentText | undefined> {
  const t = (await getTranslations({ locale, namespace: "registration" })) as unknown as {
    (key: string): string;
    has(key: string): boolean;
  };
  if (!t.has(`${key}.title`) || !t.has(`${key}.body`)) return undefined;
  return { title: t(`${key}.title`), body: t(`${key}.body`) };
}

export async function ConsentStep({
  step,
  heading,
  instructions,
  document,
  canDecline,
}: {
  step: "personal-info" | "terms";
  heading: string;
  instructions: string;
  document: ConsentDocument;
  canDecline: boolean;
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("registration");
  const key = readingAidKey(document.kind, document.version);
  const aid = chooseReadingAid(
    document,
    locale,
    locale === "ja" ? undefined : await catalogueText("ja", key),
    locale === "ja" ? undefined : await catalogueText(locale, key),
  );
  // The body's name: the document's Japanese title on a Japanese page, else its name in the page's words.
  const title = aid.state === "none" ? document.title : t(`consent.documentNames.${document.kind}`);
  return (
    <>
      <RegistrationBreadcrumb pageName={t(`steps.pageNames.${STEP_MESSAGE_KEYS[step]}`)} />
      <h1 className="page-title">{withRuby(heading)}</h1>
      <StepIndicator current={step} />
      <section aria-labelledby="consent-document-title" className="consent-document">
        <h2 id="consent-document-title" className="section-title" lang="ja">
          {document.title}
        </h2>
        <p className="text-muted">
          {withRuby(
            t("consent.version", { version: document.version, date: formatJstDate(document.publishedAt) }),
          )}
        </p>
        <div
          className="document-scroll"
          tabIndex={0}
          role="region"
          aria-label={withoutRuby(t("consent.bodyLabel", { title: withoutRuby(title) }))}
        >
          <div lang="ja">
            <DocumentText body={document.body} />
          </div>
        </div>
      </section>
      {aid.state === "none" ? null : (
        <section aria-labelledby="consent-reading-aid-title" className="consent-document">
          <h2 id="consent-reading-aid-title" className="section-title">
            {withRuby(t("consent.readingAid.heading"))}
          </h2>
          <p>{withRuby(t("consent.readingAid.binding"))}</p>
          {aid.state === "shown" ? (
            <div
              className="document-scroll"
              tabIndex={0}
              role="region"
              aria-label={withoutRuby(t("consent.readingAid.bodyLabel", { title: withoutRuby(aid.title) }))}
            >
              <h3>{withRuby(aid.title)}</h3>
              <DocumentText body={aid.body} firstHeadingLevel={4} readings />
            </div>
          ) : (
            <p>{withRuby(t("consent.readingAid.missing", { version: document.version }))}</p>
          )}
        </section>
      )}
      <p>{withRuby(instructions)}</p>
      <ClientMessages paths={["registration.consent.form", "registration.consent.errors"]}>
        <ConsentForm kind={document.kind} documentId={document.id} canDecline={canDecline} />
      </ClientMessages>
    </>
  );
}
