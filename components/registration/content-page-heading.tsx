// The top of every 申請内容登録 page: breadcrumb, heading and the step indicator.
import { RegistrationBreadcrumb } from "@/components/registration/registration-breadcrumb";
import { StepIndicator } from "@/components/registration/step-indicator";

export function ContentPageHeading({ title }: { title: string }) {
  return (
    <>
      <RegistrationBreadcrumb pageName={title} />
      <h1 className="page-title">{title}</h1>
      <StepIndicator current="content" />
    </>
  );
}
