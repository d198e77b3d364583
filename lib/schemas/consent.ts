// 確認しました must be checked before 同意する (browser and server).
import { z } from "zod";

export const consentSchema = z.object({
  confirmed: z.literal(true, {
    error: "内容を確認し、「確認しました」にチェックを入れてください。",
  }),
});
export type ConsentInput = z.input<typeof consentSchema>;
