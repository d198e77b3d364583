// 利用申し込み (public): 氏名, 住所, 電話番号, メールアドレス. 氏名 follows the staff's
// 申請用ログインID発行 rule, so a self-service applicant is stored like an issued one; メールアドレス
// uses the shared address rule, which names the one problem in each message (the staff form's
// schema gives two messages for an empty field). Messages are references (issue 15): the page
// shows them in its language.
import { z } from "zod";
import { applicantNameSchema } from "@/lib/schemas/applicant-name";
import { boundedTextSchema, emailAddressSchema, phoneNumberSchema } from "@/lib/schemas/normalize";
import { messageRef } from "@/lib/i18n/message-ref";

export { USAGE_REQUEST_FIELDS } from "@/lib/schemas/usage-request-fields";

/** usage_request.address is VarChar(200). */
export const USAGE_REQUEST_ADDRESS_MAX = 200;

export const usageRequestSchema = z.object({
  name: applicantNameSchema,
  address: boundedTextSchema(messageRef("auth.usageRequest.address"), USAGE_REQUEST_ADDRESS_MAX),
  phone: phoneNumberSchema,
  email: emailAddressSchema,
});
export type UsageRequestInput = z.input<typeof usageRequestSchema>;
export type UsageRequestData = z.output<typeof usageRequestSchema>;
