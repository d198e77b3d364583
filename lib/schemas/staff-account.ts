// 職員アカウントの作成: 氏名, メールアドレス, 権限 (shared by the form and the action).
import { z } from "zod";
import { emailKey, staffEmailAddressSchema } from "@/lib/schemas/normalize";

export const STAFF_ROLES = ["STAFF", "ADMIN"] as const;

export const staffAccountCreateSchema = z.object({
  name: z
    .string()
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "氏名を入力してください。").max(100, "氏名は100文字以内で入力してください。")),
  // A staff address is the sign-in name under a unique index, so it is stored as its key (see
  // emailAddressSchema): Foo@Example.COM and foo@example.com are one account.
  email: staffEmailAddressSchema.transform(emailKey),
  role: z.enum(STAFF_ROLES, { error: "権限を「職員」か「管理者」から選んでください。" }),
});
export type StaffAccountCreateInput = z.input<typeof staffAccountCreateSchema>;

/** The account an administrator acts on, as posted by the detail page's forms. */
export const staffIdSchema = z.uuid();
export const isStaffId = (value: string) => staffIdSchema.safeParse(value).success;
