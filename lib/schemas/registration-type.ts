// 簡略型 / 詳細型: the first choice of 申請内容登録.
import { z } from "zod";

export const registrationTypeSchema = z.object({
  registrationType: z.enum(["SIMPLE", "DETAILED"], {
    error: "登録方式を「簡略型登録」か「詳細型登録」から選んでください。",
  }),
});
export type RegistrationTypeInput = z.input<typeof registrationTypeSchema>;
