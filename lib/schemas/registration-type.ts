// 簡略型 / 詳細型: the first choice of 申請内容登録.
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";

export const registrationTypeSchema = z.object({
  registrationType: z.enum(["SIMPLE", "DETAILED"], {
    error: messageRef("registration.type.errors.required"),
  }),
});
export type RegistrationTypeInput = z.input<typeof registrationTypeSchema>;
