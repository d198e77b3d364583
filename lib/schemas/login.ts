// The login forms (applicant and staff) and the password-reissue request.
import { z } from "zod";
import { emailAddressSchema } from "@/lib/schemas/normalize";
import { messageRef } from "@/lib/i18n/message-ref";

/** 申請ログインID as typed (full-width digits made half-width, trimmed), required, matching `pattern`. */
const loginIdSchema = (pattern: RegExp) =>
  z
    .string()
    .transform((value) => value.normalize("NFKC").trim())
    .pipe(
      z
        .string()
        .min(1, messageRef("validation.login.loginIdRequired"))
        .regex(pattern, messageRef("validation.login.loginIdDigits")),
    );

export const applicantLoginSchema = z.object({
  // Any other wrong ID gets the generic login answer, but a control character (a NUL) can be no
  // login ID, and PostgreSQL refuses it in a query.
  loginId: loginIdSchema(/^[^\p{Cc}]*$/u),
  password: z.string().min(1, messageRef("validation.login.passwordRequired")),
});
export type ApplicantLoginInput = z.input<typeof applicantLoginSchema>;

// The address is looked up by its emailKey() (authenticate.ts), so its case does not matter.
export const staffLoginSchema = z.object({
  email: emailAddressSchema,
  password: z.string().min(1, messageRef("validation.login.passwordRequired")),
});
export type StaffLoginInput = z.input<typeof staffLoginSchema>;

export const passwordReissueRequestSchema = z.object({
  loginId: loginIdSchema(/^\d{14}$/),
  email: emailAddressSchema,
});
export type PasswordReissueRequestInput = z.input<typeof passwordReissueRequestSchema>;
