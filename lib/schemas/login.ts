// The login forms (applicant and staff) and the password-reissue request.
import { z } from "zod";

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

export const staffLoginSchema = z.object({
  email: z
    .string()
    .transform((value) => halfWidth(value).toLowerCase())
    .pipe(
      z
        .string()
        .min(1, "メールアドレスを入力してください。")
        .email("メールアドレスの形式で入力してください。（例：name@example.jp）"),
    ),
  password: z.string().min(1, "パスワードを入力してください。"),
});
export type StaffLoginInput = z.input<typeof staffLoginSchema>;

export const emailSchema = z
  .string()
  .transform((value) => halfWidth(value))
  .pipe(
    z
      .string()
      .min(1, "メールアドレスを入力してください。")
      .max(254, "メールアドレスは254文字以内で入力してください。")
      .email("メールアドレスの形式で入力してください。（例：name@example.jp）"),
  );

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
  email: emailSchema,
});
export type PasswordReissueRequestInput = z.input<typeof passwordReissueRequestSchema>;
