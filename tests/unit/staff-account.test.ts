// 職員アカウント without a database: the create form's schema, the state shown in the list and
// the email that carries the temporary password.
import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/emails/registry";
import {
  STAFF_ACCOUNT_CREATED_SUBJECT,
  renderStaffAccountCreatedEmail,
} from "@/emails/staff-account-created";
import { STAFF_ACCOUNT_STATE_LABELS } from "@/lib/labels";
import { staffAccountCreateSchema } from "@/lib/schemas/staff-account";
import { staffAccountState } from "@/lib/staff/list-staff-accounts";

describe("staffAccountCreateSchema", () => {
  it("normalises the name and lower-cases the address, as staff sign in with it", () => {
    expect(
      staffAccountCreateSchema.parse({ name: "  建設　 花子 ", email: " Hanako@Example.JP ", role: "ADMIN" }),
    ).toEqual({ name: "建設 花子", email: "hanako@example.jp", role: "ADMIN" });
  });

  it("says what to fix for each field", () => {
    const result = staffAccountCreateSchema.safeParse({ name: " ", email: "hanako", role: "OWNER" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      name: "氏名を入力してください。",
      // The one address rule (emailAddressSchema): the message says what is missing, as 利用申し込み.
      email:
        "メールアドレスに「@」がありません。メールアドレスの形式で入力してください。（例：name@example.jp）",
      role: "権限を「職員」か「管理者」から選んでください。",
    });
  });
});

describe("staffAccountState", () => {
  const at = new Date("2026-11-26T03:00:00Z");
  const base = { disabledAt: null, lockedUntil: null, mustChangePassword: false };
  const later = new Date(at.getTime() + 60_000);
  const earlier = new Date(at.getTime() - 60_000);

  it.each([
    [base, "利用中"],
    [{ ...base, mustChangePassword: true }, "パスワード変更前"],
    [{ ...base, lockedUntil: later }, "ロック中"],
    [{ ...base, lockedUntil: earlier }, "利用中"],
    [{ ...base, mustChangePassword: true, lockedUntil: later }, "ロック中"],
    [{ ...base, disabledAt: earlier, lockedUntil: later, mustChangePassword: true }, "利用停止"],
  ])("%o is %s", (account, label) => {
    expect(STAFF_ACCOUNT_STATE_LABELS[staffAccountState(account, at)]).toBe(label);
  });
});

describe("staff-account-created email", () => {
  const data = {
    name: "建設 花子",
    email: "hanako@example.jp",
    temporaryPassword: "Xy3$kP9!mQ2w",
    loginUrl: "https://portal.example.jp/staff/login",
    // 2025-12-17 00:30 in Japan, still 2025-12-16 in UTC.
    issuedAt: new Date("2025-12-16T15:30:00Z"),
    expiresAt: new Date("2025-12-30T15:30:00Z"),
  };

  it("gives the address, the temporary password, the staff login URL and the date, in text and HTML", () => {
    const email = renderStaffAccountCreatedEmail(data);
    expect(email.subject).toBe("【建設キャリアアップシステム】職員用アカウント発行のお知らせ");
    expect(email.subject).toBe(STAFF_ACCOUNT_CREATED_SUBJECT);
    expect(email.text).toContain("建設 花子 さま");
    expect(email.text).toContain("【メールアドレス】\nhanako@example.jp");
    expect(email.text).toContain("【仮パスワード】\nXy3$kP9!mQ2w");
    expect(email.text).toContain("【職員用ログインURL】\nhttps://portal.example.jp/staff/login");
    expect(email.text).toContain("【日付】\n2025/12/17");
    expect(email.text).toContain("2025/12/31 00:30（日本時間）まで");
    expect(email.html).toContain("Xy3$kP9!mQ2w");
    expect(email.html).toContain('href="https://portal.example.jp/staff/login"');
  });

  it("is rendered from the stored JSON plus the secret, and refuses data without the password", () => {
    const stored: unknown = JSON.parse(JSON.stringify(data));
    expect(renderTemplate("staff-account-created", stored)).toEqual(renderStaffAccountCreatedEmail(data));
    const withoutPassword: Partial<typeof data> = { ...data };
    delete withoutPassword.temporaryPassword;
    expect(() => renderTemplate("staff-account-created", withoutPassword)).toThrow(/temporaryPassword/);
  });
});
