// Staff's 申請用ログインID発行 form (and each row of 一括発行). 氏名 follows the one name rule in
// applicant-name.ts, which 利用申し込み shares.
import { z } from "zod";
import { staffApplicantNameSchema } from "@/lib/schemas/applicant-name";
import { staffEmailAddressSchema } from "@/lib/schemas/normalize";

export const applicantIssueSchema = z.object({
  name: staffApplicantNameSchema,
  email: staffEmailAddressSchema,
});
export type ApplicantIssueInput = z.input<typeof applicantIssueSchema>;
