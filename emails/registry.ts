// Template name → data schema + renderer, for the outbox worker: the data it reads back from the
// database (JSON, dates as ISO strings) is validated before an email is rendered from it.
// An applicant's email is written in the applicant's language with the Japanese email below it
// (issue 15); the language travels in the stored payload (EMAIL_LOCALE_FIELD), chosen when the
// email is queued (lib/mail/enqueue-email.ts). Staff emails are Japanese only.
import { z } from "zod";
import { isLocale, LOCALE_INFO, type Locale } from "@/lib/i18n/locales";
import { applicantIdIssuedEmailSchema, applicantIdIssuedDraft } from "./applicant-id-issued";
import { applicationReceivedEmailSchema, applicationReceivedDraft } from "./application-received";
import { applicationReturnedEmailSchema, applicationReturnedDraft } from "./application-returned";
import { passwordChangedEmailSchema, passwordChangedDraft } from "./password-changed";
import { passwordReissuedEmailSchema, passwordReissuedDraft } from "./password-reissued";
import { registrationCompletedEmailSchema, registrationCompletedDraft } from "./registration-completed";
import { applicationWithdrawnEmailSchema, applicationWithdrawnDraft } from "./application-withdrawn";
import { paymentCodeIssuedEmailSchema, paymentCodeIssuedDraft } from "./payment-code-issued";
import { paymentCompletedEmailSchema, paymentCompletedDraft } from "./payment-completed";
import { paymentDueEmailSchema } from "./data-schemas";
import { paymentExpiredDraft } from "./payment-expired";
import { paymentRefundedEmailSchema, paymentRefundedDraft } from "./payment-refunded";
import { paymentReminderDraft } from "./payment-reminder";
import { renderDraft, renderTranslatedEmail, type EmailDraft, type RenderedEmail } from "./render";
import { renderStaffAccountCreatedEmail, staffAccountCreatedEmailSchema } from "./staff-account-created";
import { emailWordsIn, JAPANESE_WORDS, type EmailWords } from "./words";
import {
  usageRequestAlreadyRegisteredDraft,
  usageRequestAlreadyRegisteredEmailSchema,
} from "./usage-request-already-registered";

/** An applicant's email: one draft per language, the Japanese one always (issue 15). */
type Draft<Data> = (data: Data, words: EmailWords) => EmailDraft;

function validator<S extends z.ZodType>(name: string, schema: S) {
  return (data: unknown): z.output<S> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new Error(`Invalid data for email template "${name}":\n${z.prettifyError(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  };
}

function defineTemplate<S extends z.ZodType>(name: string, schema: S, draft: Draft<z.output<S>>) {
  // Binding schema and drafts here keeps their types together; `renderTemplate` only sees
  // `(data: unknown) => RenderedEmail`.
  const validate = validator(name, schema);
  const render = (data: z.output<S>): RenderedEmail => renderDraft(draft(data, JAPANESE_WORDS));
  const validateAndRender = (data: unknown): RenderedEmail => render(validate(data));
  const validateAndRenderIn = async (data: unknown, locale: Locale): Promise<RenderedEmail> => {
    const valid = validate(data);
    if (locale === "ja") return render(valid);
    const words = await emailWordsIn(locale);
    return renderTranslatedEmail(draft(valid, words), draft(valid, JAPANESE_WORDS), {
      lang: LOCALE_INFO[locale].htmlLang,
      note: words.t("common.japaneseFollows"),
    });
  };
  return { schema, render, validateAndRender, validateAndRenderIn, translated: true };
}

/** A staff email: Japanese whatever language is asked for. */
function defineJapaneseTemplate<S extends z.ZodType>(
  name: string,
  schema: S,
  render: (data: z.output<S>) => RenderedEmail,
) {
  const validate = validator(name, schema);
  const validateAndRender = (data: unknown): RenderedEmail => render(validate(data));
  const validateAndRenderIn = async (data: unknown): Promise<RenderedEmail> => validateAndRender(data);
  return { schema, render, validateAndRender, validateAndRenderIn, translated: false };
}

export const emailTemplates = {
  "applicant-id-issued": defineTemplate(
    "applicant-id-issued",
    applicantIdIssuedEmailSchema,
    applicantIdIssuedDraft,
  ),
  "password-changed": defineTemplate("password-changed", passwordChangedEmailSchema, passwordChangedDraft),
  "application-received": defineTemplate(
    "application-received",
    applicationReceivedEmailSchema,
    applicationReceivedDraft,
  ),
  "password-reissued": defineTemplate(
    "password-reissued",
    passwordReissuedEmailSchema,
    passwordReissuedDraft,
  ),
  "application-returned": defineTemplate(
    "application-returned",
    applicationReturnedEmailSchema,
    applicationReturnedDraft,
  ),
  "registration-completed": defineTemplate(
    "registration-completed",
    registrationCompletedEmailSchema,
    registrationCompletedDraft,
  ),
  "staff-account-created": defineJapaneseTemplate(
    "staff-account-created",
    staffAccountCreatedEmailSchema,
    renderStaffAccountCreatedEmail,
  ),
  "usage-request-already-registered": defineTemplate(
    "usage-request-already-registered",
    usageRequestAlreadyRegisteredEmailSchema,
    usageRequestAlreadyRegisteredDraft,
  ),
  "payment-code-issued": defineTemplate(
    "payment-code-issued",
    paymentCodeIssuedEmailSchema,
    paymentCodeIssuedDraft,
  ),
  "payment-completed": defineTemplate(
    "payment-completed",
    paymentCompletedEmailSchema,
    paymentCompletedDraft,
  ),
  "payment-reminder": defineTemplate("payment-reminder", paymentDueEmailSchema, paymentReminderDraft),
  "payment-expired": defineTemplate("payment-expired", paymentDueEmailSchema, paymentExpiredDraft),
  "payment-refunded": defineTemplate("payment-refunded", paymentRefundedEmailSchema, paymentRefundedDraft),
  "application-withdrawn": defineTemplate(
    "application-withdrawn",
    applicationWithdrawnEmailSchema,
    applicationWithdrawnDraft,
  ),
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;

/** What a producer stores in the outbox for template `N` (Dates or ISO strings). */
export type EmailTemplateInput<N extends EmailTemplateName> = z.input<(typeof emailTemplates)[N]["schema"]>;

export const EMAIL_TEMPLATE_NAMES = Object.keys(emailTemplates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

function templateNamed(name: string) {
  if (!isEmailTemplateName(name)) {
    throw new Error(`Unknown email template "${name}"`);
  }
  return emailTemplates[name];
}

/** Validates `data` against the template's schema and renders it in Japanese; throws on an unknown name or bad data. */
export function renderTemplate(name: string, data: unknown): RenderedEmail {
  return templateNamed(name).validateAndRender(data);
}

/**
 * Renders in `locale`: Japanese as renderTemplate does; another language as that language, a rule
 * and the Japanese email (a staff template stays Japanese).
 */
export async function renderTemplateIn(name: string, data: unknown, locale: Locale): Promise<RenderedEmail> {
  return templateNamed(name).validateAndRenderIn(data, locale);
}

/**
 * The payload field that holds the email's language (lib/i18n/locales.ts) when it is not Japanese.
 * A Japanese email's payload is only its template data, as before issue 15.
 */
export const EMAIL_LOCALE_FIELD = "locale";

/** The stored payload with the language of an applicant's email (EMAIL_LOCALE_FIELD). */
export function withEmailLocale<T extends object>(data: T, locale: Locale): T | (T & { locale: Locale }) {
  return locale === "ja" ? data : { ...data, [EMAIL_LOCALE_FIELD]: locale };
}

/** A stored payload split into the template's data and the email's language (Japanese when none). */
export function splitEmailPayload(payload: unknown): { data: unknown; locale: Locale } {
  if (typeof payload !== "object" || payload === null || !(EMAIL_LOCALE_FIELD in payload)) {
    return { data: payload, locale: "ja" };
  }
  const { [EMAIL_LOCALE_FIELD]: locale, ...data } = payload as Record<string, unknown>;
  return { data, locale: isLocale(locale) ? locale : "ja" };
}
