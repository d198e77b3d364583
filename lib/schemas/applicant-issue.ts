// Staff's 申請用ログインID発行 form (and each row of 一括発行). 氏名 follows the one name rule in
// applicant-name.ts, which 利用申し込み shares.
import { z } from "zod";
import { applicantNameSchema } from "@/lib/schemas/applicant-name";
import { emailSchema } from "@/lib/schemas/login";

export const applicantIssueSchema = z.object({
  name: applicantNameSchema,
  email: emailSchema,
});
export type ApplicantIssueInput = z.input<typeof applicantIssueSchema>;
