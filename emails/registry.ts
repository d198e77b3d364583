// Template name → data schema + renderer, for the outbox worker: the data it reads back from the
// database (JSON, dates as ISO strings) is validated before an email is rendered from it.
import { z } from "zod";
import { applicantIdIssuedEmailSchema, renderApplicantIdIssuedEmail } from "./applicant-id-issued";
import { applicationReceivedEmailSchema, renderApplicationReceivedEmail } from "./application-received";
import { applicationReturnedEmailSchema, renderApplicationReturnedEmail } from "./application-returned";
import { passwordChangedEmailSchema, renderPasswordChangedEmail } from "./password-changed";
import { passwordReissuedEmailSchema, renderPasswordReissuedEmail } from "./password-reissued";
import { registrationCompletedEmailSchema, renderRegistrationCompletedEmail } from "./registration-completed";
import { applicationWithdrawnEmailSchema, renderApplicationWithdrawnEmail } from "./application-withdrawn";
import { paymentCodeIssuedEmailSchema, renderPaymentCodeIssuedEmail } from "./payment-code-issued";
import { paymentCompletedEmailSchema, renderPaymentCompletedEmail } from "./payment-completed";
import { paymentExpiredEmailSchema, renderPaymentExpiredEmail } from "./payment-expired";
import { paymentRefundedEmailSchema, renderPaymentRefundedEmail } from "./payment-refunded";
import { paymentReminderEmailSchema, renderPaymentReminderEmail } from "./payment-reminder";
import type { RenderedEmail } from "./render";
import { renderStaffAccountCreatedEmail, staffAccountCreatedEmailSchema } from "./staff-account-created";
import {
  renderUsageRequestAlreadyRegisteredEmail,
  usageRequestAlreadyRegisteredEmailSchema,
} from "./usage-request-already-registered";

function defineTemplate<S extends z.ZodType>(
  name: string,
  schema: S,
  render: (data: z.output<S>) => RenderedEmail,
) {
  // Binding schema and renderer here keeps their types together; `renderTemplate` only sees
  // `(data: unknown) => RenderedEmail`.
  const validateAndRender = (data: unknown): RenderedEmail => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new Error(`Invalid data for email template "${name}":\n${z.prettifyError(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    return render(parsed.data);
  };
  return { schema, render, validateAndRender };
}

export const emailTemplates = {
  "applicant-id-issued": defineTemplate(
    "applicant-id-issued",
    applicantIdIssuedEmailSchema,
    renderApplicantIdIssuedEmail,
  ),
  "password-changed": defineTemplate(
    "password-changed",
    passwordChangedEmailSchema,
    renderPasswordChangedEmail,
  ),
  "application-received": defineTemplate(
    "application-received",
    applicationReceivedEmailSchema,
    renderApplicationReceivedEmail,
  ),
  "password-reissued": defineTemplate(
    "password-reissued",
    passwordReissuedEmailSchema,
    renderPasswordReissuedEmail,
  ),
  "application-returned": defineTemplate(
    "application-returned",
    applicationReturnedEmailSchema,
    renderApplicationReturnedEmail,
  ),
  "registration-completed": defineTemplate(
    "registration-completed",
    registrationCompletedEmailSchema,
    renderRegistrationCompletedEmail,
  ),
  "staff-account-created": defineTemplate(
    "staff-account-created",
    staffAccountCreatedEmailSchema,
    renderStaffAccountCreatedEmail,
  ),
  "usage-request-already-registered": defineTemplate(
    "usage-request-already-registered",
    usageRequestAlreadyRegisteredEmailSchema,
    renderUsageRequestAlreadyRegisteredEmail,
  ),
  "payment-code-issued": defineTemplate(
    "payment-code-issued",
    paymentCodeIssuedEmailSchema,
    renderPaymentCodeIssuedEmail,
  ),
  "payment-completed": defineTemplate(
    "payment-completed",
    paymentCompletedEmailSchema,
    renderPaymentCompletedEmail,
  ),
  "payment-reminder": defineTemplate(
    "payment-reminder",
    paymentReminderEmailSchema,
    renderPaymentReminderEmail,
  ),
  "payment-expired": defineTemplate("payment-expired", paymentExpiredEmailSchema, renderPaymentExpiredEmail),
  "payment-refunded": defineTemplate(
    "payment-refunded",
    paymentRefundedEmailSchema,
    renderPaymentRefundedEmail,
  ),
  "application-withdrawn": defineTemplate(
    "application-withdrawn",
    applicationWithdrawnEmailSchema,
    renderApplicationWithdrawnEmail,
  ),
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;

/** What a producer stores in the outbox for template `N` (Dates or ISO strings). */
export type EmailTemplateInput<N extends EmailTemplateName> = z.input<(typeof emailTemplates)[N]["schema"]>;

export const EMAIL_TEMPLATE_NAMES = Object.keys(emailTemplates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Validates `data` against the template's schema and renders it; throws on an unknown name or bad data. */
export function renderTemplate(name: string, data: unknown): RenderedEmail {
  if (!isEmailTemplateName(name)) {
    throw new Error(`Unknown email template "${name}"`);
  }
  return emailTemplates[name].validateAndRender(data);
}
