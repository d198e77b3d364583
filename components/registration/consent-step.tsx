// Steps 1 and 2: the breadcrumb, the step indicator, the document (scrollable) and the form.
import { ConsentForm } from "@/components/registration/consent-form";
import { DocumentText } from "@/components/registration/document-text";
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { formatJstDate } from "@/lib/format/date";
import { stepByKey } from "@/lib/registration/steps";

export function ConsentStep({
  step,
  heading,
  instructions,
  document,
  canDecline,
}: {
  step: "personal-info" | "terms";
  heading: string;
  instructions: string;
  document: {
    id: string;
    kind: "PERSONAL_INFO" | "TERMS";
    title: string;
    body: string;
    version: number;
    publishedAt: Date;
  };
  canDecline: boolean;
}) {
  return (
    <>
      <RegistrationBreadcrumb pageName={stepByKey(step).pageName} />
      <h1 className="page-title">{heading}</h1>
      <StepIndicator current={step} />
      <section aria-labelledby="consent-document-title" className="consent-document">
        <h2 id="consent-document-title" className="section-title">
          {document.title}
        </h2>
        <p className="text-muted">
          第{document.version}版（{formatJstDate(document.publishedAt)} 公開）
        </p>
        <div className="document-scroll" tabIndex={0} role="region" aria-label={`${document.title}の本文`}>
          <DocumentText body={document.body} />
        </div>
      </section>
      <p>{instructions}</p>
      <ConsentForm kind={document.kind} documentId={document.id} canDecline={canDecline} />
    </>
  );
}
