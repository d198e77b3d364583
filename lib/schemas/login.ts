// The login forms (applicant and staff) and the password-reissue request.
import { z } from "zod";
import { emailAddressSchema } from "@/lib/schemas/normalize";

const halfWidth = (value: string) => value.normalize("NFKC").trim();

export const applicantLoginSchema = z.object({
  loginId: z
    .string()
    .transform(halfWidth)
    .pipe(
      z
        .string()
        .min(1, "ログインIDを入力してください。")
        // A control character (a NUL) can be no login ID, and PostgreSQL refuses it in a query.
        .regex(/^[^\p{Cc}]*$/u, "ログインIDは半角数字14桁で入力してください。"),
    ),
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
  loginId: z
    .string()
    .transform(halfWidth)
    .pipe(
      z
        .string()
        .min(1, "ログインIDを入力してください。")
        .regex(/^\d{14}$/, "ログインIDは半角数字14桁で入力してください。"),
    ),
  email: emailAddressSchema,
});
export type PasswordReissueRequestInput = z.input<typeof passwordReissueRequestSchema>;
