// The login forms (applicant and staff) and the password-reissue request.
import { z } from "zod";
import { emailAddressSchema } from "@/lib/schemas/normalize";

/** 申請ログインID as typed (full-width digits made half-width, trimmed), required, matching `pattern`. */
const loginIdSchema = (pattern: RegExp) =>
  z
    .string()
    .transform((value) => value.normalize("NFKC").trim())
    .pipe(
      z
        .string()
        .min(1, "ログインIDを入力してください。")
        .regex(pattern, "ログインIDは半角数字14桁で入力してください。"),
    );

export const applicantLoginSchema = z.object({
  // Any other wrong ID gets the generic login answer, but a control character (a NUL) can be no
  // login ID, and PostgreSQL refuses it in a query.
  loginId: loginIdSchema(/^[^\p{Cc}]*$/u),
  password: z.string().min(1, "パスワードを入力してください。"),
});
export type ApplicantLoginInput = z.input<typeof applicantLoginSchema>;

// The address is looked up by its emailKey() (authenticate.ts), so its case does not matter.
export const staffLoginSchema = z.object({
  email: emailAddressSchema,
  password: z.string().min(1, "パスワードを入力してください。"),
});
export type StaffLoginInput = z.input<typeof staffLoginSchema>;

export const passwordReissueRequestSchema = z.object({
  loginId: loginIdSchema(/^\d{14}$/),
  email: emailAddressSchema,
});
export type PasswordReissueRequestInput = z.input<typeof passwordReissueRequestSchema>;
