// The top of every 申請内容登録 page: breadcrumb, heading and the step indicator. `title` is the
// page's name in the page's language (its messages), with readings in やさしい日本語.
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";
import { withRuby } from "@/lib/i18n/ruby";

export function ContentPageHeading({ title }: { title: string }) {
  return (
    <>
      <RegistrationBreadcrumb pageName={title} />
      <h1 className="page-title">{withRuby(title)}</h1>
      <StepIndicator current="content" />
    </>
  );
}
