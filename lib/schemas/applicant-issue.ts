// Staff's 申請用ログインID発行 form.
import { z } from "zod";
import { emailSchema } from "@/lib/schemas/login";

export const applicantIssueSchema = z.object({
  name: z
    .string()
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "氏名を入力してください。").max(100, "氏名は100文字以内で入力してください。")),
  email: emailSchema,
});
export type ApplicantIssueInput = z.input<typeof applicantIssueSchema>;
