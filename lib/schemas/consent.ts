// 確認しました must be checked before 同意する (browser and server).
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";

export const consentSchema = z.object({
  confirmed: z.literal(true, { error: messageRef("registration.consent.errors.confirm") }),
});
export type ConsentInput = z.input<typeof consentSchema>;
