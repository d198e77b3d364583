import { describe, expect, it } from "vitest";
import { renderApplicantIdIssuedEmail } from "@/emails/applicant-id-issued";
import { renderApplicationReceivedEmail } from "@/emails/application-received";
import { renderApplicationReturnedEmail } from "@/emails/application-returned";
import { renderPasswordChangedEmail } from "@/emails/password-changed";
import { renderPasswordReissuedEmail } from "@/emails/password-reissued";
import { renderRegistrationCompletedEmail } from "@/emails/registration-completed";
import { renderEmail } from "@/emails/render";
import { renderUsageRequestAlreadyRegisteredEmail } from "@/emails/usage-request-already-registered";
import { EMAIL_TEMPLATE_NAMES, renderTemplate } from "@/emails/registry";

const idIssued = {
  name: "山田 太郎",
  loginId: "12345678901221",
  temporaryPassword: "Xy3$kP9!mQ2w",
  loginUrl: "https://portal.example.jp/login",
  // 2025-12-17 00:30 in Japan, still 2025-12-16 in UTC.
  issuedAt: new Date("2025-12-16T15:30:00Z"),
  expiresAt: new Date("2025-12-30T15:30:00Z"),
};

/** Asserts each needle occurs in `haystack`, in the given order. */
function expectInOrder(haystack: string, needles: string[]) {
  let previous = -1;
  for (const needle of needles) {
    const index = haystack.indexOf(needle, previous + 1);
    expect(index, `"${needle}" after index ${previous}`).toBeGreaterThan(previous);
    previous = index;
  }
}

describe("applicant-id-issued email", () => {
  const email = renderApplicantIdIssuedEmail(idIssued);

  it("has the ID email's subject", () => {
    expect(email.subject).toBe(
      "【建設キャリアアップシステム】技能者新規登録申請用ログインID・パスワードのお知らせ",
    );
  });

  it("has the greeting, the notice, then ID, password, URL and date in that order in the text part", () => {
    expect(email.text.startsWith("山田 太郎 さま\n")).toBe(true);
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "建設キャリアアップシステムの「技能者情報新規登録」の申請を受け付けました。",
      "申請ログインID・申請用パスワードの発行をしましたので",
      "申請用ログインURLよりログインのうえ、お手続きをすすめてください。",
      "【申請ログインID】\n12345678901221",
      "【申請用パスワード】\nXy3$kP9!mQ2w",
      "【申請用ログインURL】\nhttps://portal.example.jp/login",
      "【日付】\n2025/12/17",
      "建設キャリアアップシステム\nこのメールは送信専用です。",
    ]);
  });

  it("dates the email in Japan time", () => {
    expect(email.text).toContain("【日付】\n2025/12/17\n");
    expect(email.text).not.toContain("2025/12/16");
    expect(email.html).toContain("2025/12/17");
  });

  it("explains one-time use, expiry, the forced change and what to do if unexpected", () => {
    expect(email.text).toMatch(/1回のみ/);
    expect(email.text).toContain("2025/12/31 00:30");
    expect(email.text).toMatch(/初回ログイン時に、パスワードの変更が必要です/);
    expect(email.text).toMatch(/お心当たりがない場合/);
    expectInOrder(email.text, [
      "【日付】",
      "1回のみ",
      "建設キャリアアップシステム\nこのメールは送信専用です。",
    ]);
  });

  it("has a complete Japanese HTML part with the same content and a real link", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<html lang="ja">');
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).not.toMatch(/<style|<script|class=/);
    expect(email.html).toContain(
      '<a href="https://portal.example.jp/login" style="color:#0017c1;text-decoration:underline;word-break:break-all;">https://portal.example.jp/login</a>',
    );
    expectInOrder(email.html, [
      "山田 太郎 さま",
      "「技能者情報新規登録」の申請を受け付けました。",
      "【申請ログインID】",
      "12345678901221",
      "【申請用パスワード】",
      "Xy3$kP9!mQ2w",
      "【申請用ログインURL】",
      "【日付】",
      "2025/12/17",
      "このメールは送信専用です。",
    ]);
  });

  it("escapes HTML in every value", () => {
    const hostile = renderApplicantIdIssuedEmail({
      ...idIssued,
      name: `<script>alert("x")</script>`,
      temporaryPassword: `a&b<c>"d'`,
    });
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; さま");
    expect(hostile.html).toContain("a&amp;b&lt;c&gt;&quot;d&#39;");
    // The plain-text part carries the value unchanged.
    expect(hostile.text).toContain(`<script>alert("x")</script> さま`);
  });
});

describe("renderEmail", () => {
  it("refuses links that are not http(s)", () => {
    expect(() =>
      renderEmail({
        subject: "s",
        greeting: "g",
        blocks: [{ kind: "field", label: "【URL】", value: "x", href: "javascript:alert(1)" }],
        footer: [],
      }),
    ).toThrow(/http/);
  });
});

describe("application-received email", () => {
  const email = renderApplicationReceivedEmail({
    name: "山田 太郎",
    loginId: "12345678901221",
    applicationNumber: "20251217-000042",
    registrationType: "詳細型登録",
    fee: "4,900円（税込）",
    submittedAt: new Date("2025-12-16T15:30:00Z"),
    loginUrl: "https://portal.example.jp/login",
  });

  it("gives the 申請番号, type, fee and time in Japan, then what happens next", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】技能者情報登録申請受付のお知らせ");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "申請を受け付けました",
      "【申請番号】\n20251217-000042",
      "【登録方式】\n詳細型登録",
      "【登録料】\n4,900円（税込）",
      "2025/12/17 00:30",
      "審査",
      "20_申請の修正",
    ]);
    expect(email.html).toContain("20251217-000042");
  });

  it("refuses data it does not know through the registry", () => {
    expect(() =>
      renderTemplate("application-received", {
        name: "x",
        loginId: "1",
        applicationNumber: "1",
        registrationType: "簡略型登録",
        fee: "2,500円（税込）",
        submittedAt: "2025-12-16T15:30:00.000Z",
        loginUrl: "https://portal.example.jp/login",
        password: "secret",
      }),
    ).toThrow(/application-received/);
  });
});

const returned = {
  name: "山田 太郎",
  loginId: "12345678901221",
  applicationNumber: "20251217-000042",
  items: [
    {
      groupLabel: "本人情報",
      reasonLabel: "氏名が本人確認書類と一致しません",
      comment: "旧字体でご入力ください。",
    },
    {
      groupLabel: "本人確認書類",
      reasonLabel: "本人確認書類の画像が不鮮明で確認できません",
      comment: "文字が読める明るさで\n撮影し直してください。",
    },
    { groupLabel: "顔写真", reasonLabel: "顔写真が不鮮明です", comment: "" },
  ],
  returnedAt: new Date("2025-12-16T15:30:00Z"),
  loginUrl: "https://portal.example.jp/login",
};

describe("application-returned email", () => {
  const email = renderApplicationReturnedEmail(returned);

  it("has its subject and lists every 不備, numbered, with its comment", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】技能者情報申請内容不備のお知らせ");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "不備がありました",
      "【申請番号】\n20251217-000042",
      "【申請ログインID】\n12345678901221",
      "2025/12/17 00:30",
      "【不備 1】本人情報 — 氏名が本人確認書類と一致しません\nコメント：旧字体でご入力ください。",
      "【不備 2】本人確認書類 — 本人確認書類の画像が不鮮明で確認できません\nコメント：文字が読める明るさで\n撮影し直してください。",
      "【不備 3】顔写真 — 顔写真が不鮮明です\n\n",
      "「20_申請の修正」",
      "再申請",
      "【申請用ログインURL】\nhttps://portal.example.jp/login",
    ]);
    expect(email.text).not.toContain("【不備 4】");
    // An empty comment leaves no empty コメント line.
    expect(email.text.match(/コメント：/g)).toHaveLength(2);
    expectInOrder(email.html, [
      "【不備 1】",
      "旧字体でご入力ください。",
      "【不備 2】",
      "撮影し直してください。",
      "【不備 3】",
    ]);
  });

  it("escapes staff comments in HTML", () => {
    const hostile = renderApplicationReturnedEmail({
      ...returned,
      items: [{ groupLabel: "職種", reasonLabel: "選択された職種に誤りがあります", comment: "<b>x</b>" }],
    });
    expect(hostile.html).toContain("コメント：&lt;b&gt;x&lt;/b&gt;");
    expect(hostile.html).not.toContain("<b>x</b>");
  });

  it("refuses data without any 不備 through the registry", () => {
    const stored = JSON.parse(JSON.stringify(returned)) as Record<string, unknown>;
    expect(renderTemplate("application-returned", stored)).toEqual(renderApplicationReturnedEmail(returned));
    expect(() => renderTemplate("application-returned", { ...stored, items: [] })).toThrow(
      /Invalid data for email template "application-returned"/,
    );
    const withoutItems = { ...stored };
    delete withoutItems.items;
    expect(() => renderTemplate("application-returned", withoutItems)).toThrow(/items/);
    expect(() =>
      renderTemplate("application-returned", { ...stored, items: [{ groupLabel: "本人情報", comment: "" }] }),
    ).toThrow(/reasonLabel/);
  });
});

describe("registration-completed email", () => {
  const completed = {
    name: "山田 太郎",
    applicationNumber: "20251217-000042",
    technicianId: "98765432109821",
    registrationType: "詳細型登録",
    completedAt: new Date("2025-12-16T15:30:00Z"),
    loginUrl: "https://portal.example.jp/login",
  };
  const email = renderRegistrationCompletedEmail(completed);

  it("has its subject and gives the 技能者ID, the type and what comes next", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】技能者情報登録完了のお知らせ");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "登録が完了しました",
      "【技能者ID】\n98765432109821",
      "【申請番号】\n20251217-000042",
      "【登録方式】\n詳細型登録",
      "2025/12/17 00:30",
      "詳細型登録の登録料",
      "【申請用ログインURL】\nhttps://portal.example.jp/login",
    ]);
    expect(email.html).toContain("98765432109821");
    // Fees come from lib/fees.ts where they are shown; this mail names none.
    expect(email.text).not.toMatch(/[0-9,]+円/);
  });

  it("refuses a 技能者ID that is not 14 digits", () => {
    const stored = JSON.parse(JSON.stringify(completed)) as Record<string, unknown>;
    expect(renderTemplate("registration-completed", stored)).toEqual(email);
    expect(() =>
      renderTemplate("registration-completed", { ...stored, technicianId: "9876543210982" }),
    ).toThrow(/Invalid data for email template "registration-completed"/);
    const withoutId = { ...stored };
    delete withoutId.technicianId;
    expect(() => renderTemplate("registration-completed", withoutId)).toThrow(/technicianId/);
  });
});

describe("password-changed email", () => {
  const email = renderPasswordChangedEmail({
    name: "山田 太郎",
    loginId: "12345678901221",
    changedAt: new Date("2025-12-16T15:30:00Z"),
    loginUrl: "https://portal.example.jp/login",
  });

  it("has its subject and says when, in Japan time, the password of which ID changed", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】パスワード変更のお知らせ");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "パスワードが変更されました",
      "【申請ログインID】\n12345678901221",
      "2025/12/17 00:30",
      "お心当たりがない場合",
      "ご連絡ください",
    ]);
  });

  it("never contains a password field", () => {
    for (const part of [email.text, email.html]) {
      expect(part).not.toMatch(/【[^】]*パスワード[^】]*】/);
    }
  });

  it("cannot be given a password through the registry", () => {
    expect(() =>
      renderTemplate("password-changed", {
        name: "山田 太郎",
        loginId: "12345678901221",
        changedAt: "2025-12-16T15:30:00.000Z",
        loginUrl: "https://portal.example.jp/login",
        temporaryPassword: "Xy3$kP9!mQ2w",
      }),
    ).toThrow(/password-changed/);
  });
});

describe("password-reissued email", () => {
  const email = renderPasswordReissuedEmail(idIssued);

  it("has its subject, the ID email's blocks and says the old password stops working", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】申請用パスワード再発行のお知らせ");
    expect(email.text).toContain("以前にお送りした申請用パスワードは使用できなくなりました。");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "【申請ログインID】\n12345678901221",
      "【申請用パスワード】\nXy3$kP9!mQ2w",
      "【申請用ログインURL】\nhttps://portal.example.jp/login",
      "【日付】\n2025/12/17",
      "2025/12/31 00:30",
    ]);
  });
});

describe("password-reissued email after パスワードを忘れた場合", () => {
  const email = renderPasswordReissuedEmail({ ...idIssued, mode: "pending" });

  it("says the current password keeps working and an unexpected email can be ignored", () => {
    expect(email.text).toContain("現在のパスワードもそのまま使用できます");
    expect(email.text).toContain("このメールを破棄してください。現在のパスワードは変わりません。");
    expect(email.text).not.toContain("使用できなくなりました");
    expect(email.html).toContain("現在のパスワードもそのまま使用できます");
  });

  it("goes through the registry with its mode, and an email queued without one reads as staff reissue", () => {
    const pending = renderTemplate("password-reissued", { ...idIssued, mode: "pending" });
    expect(pending.text).toContain("現在のパスワードもそのまま使用できます");
    const legacy = renderTemplate("password-reissued", idIssued);
    expect(legacy.text).toContain("以前にお送りした申請用パスワードは使用できなくなりました。");
  });
});

describe("usage-request-already-registered email", () => {
  const reminder = {
    name: "山田 太郎",
    loginIds: ["12345678901221"],
    requestedAt: new Date("2025-12-16T15:30:00Z"),
    loginUrl: "https://portal.example.jp/login",
    forgotPasswordUrl: "https://portal.example.jp/password/forgot",
  };
  const email = renderUsageRequestAlreadyRegisteredEmail(reminder);

  it("has its subject and gives the existing ID, then how to get a new password", () => {
    expect(email.subject).toBe("【建設キャリアアップシステム】申請ログインIDのお知らせ（利用申し込み）");
    expectInOrder(email.text, [
      "山田 太郎 さま",
      "利用申し込みを受け付けました",
      "すでに申請ログインIDが発行されているため、新しい申請ログインIDは発行していません。",
      "【申請ログインID】\n12345678901221",
      "【申請用ログインURL】\nhttps://portal.example.jp/login",
      "2025/12/17 00:30（日本時間）",
      "パスワードを忘れた場合",
      "【パスワードを忘れた場合】\nhttps://portal.example.jp/password/forgot",
      "お心当たりがない場合",
      "このメールは送信専用です。",
    ]);
    expect(email.html).toContain(
      '<a href="https://portal.example.jp/password/forgot" style="color:#0017c1;text-decoration:underline;word-break:break-all;">',
    );
  });

  it("lists every ID of the address and never a password", () => {
    const several = renderUsageRequestAlreadyRegisteredEmail({
      ...reminder,
      loginIds: ["12345678901221", "98765432109821"],
    });
    expectInOrder(several.text, ["【申請ログインID】\n12345678901221", "【申請ログインID】\n98765432109821"]);
    for (const part of [email.text, email.html]) {
      expect(part).not.toMatch(/【[^】]*パスワード】/);
    }
  });

  it("renders from stored JSON and refuses a password or a malformed ID through the registry", () => {
    const stored = JSON.parse(JSON.stringify(reminder)) as Record<string, unknown>;
    expect(renderTemplate("usage-request-already-registered", stored)).toEqual(email);
    expect(() =>
      renderTemplate("usage-request-already-registered", { ...stored, temporaryPassword: "Xy3$kP9!mQ2w" }),
    ).toThrow(/usage-request-already-registered/);
    expect(() => renderTemplate("usage-request-already-registered", { ...stored, loginIds: [] })).toThrow(
      /Invalid data/,
    );
    expect(() =>
      renderTemplate("usage-request-already-registered", { ...stored, loginIds: ["1234"] }),
    ).toThrow(/loginIds/);
    expect(() =>
      renderTemplate("usage-request-already-registered", {
        ...stored,
        forgotPasswordUrl: "javascript:alert(1)",
      }),
    ).toThrow(/Invalid data/);
  });
});

describe("renderTemplate", () => {
  it("renders from JSON-shaped data with ISO date strings", () => {
    const stored: unknown = JSON.parse(JSON.stringify(idIssued));
    const email = renderTemplate("applicant-id-issued", stored);
    expect(email).toEqual(renderApplicantIdIssuedEmail(idIssued));
    expect(email.text).toContain("【日付】\n2025/12/17");
  });

  it("knows every template", () => {
    expect([...EMAIL_TEMPLATE_NAMES].sort()).toEqual([
      "applicant-id-issued",
      "application-received",
      "application-returned",
      "application-withdrawn",
      "password-changed",
      "password-reissued",
      "payment-code-issued",
      "payment-completed",
      "payment-expired",
      "payment-refunded",
      "payment-reminder",
      "registration-completed",
      "staff-account-created",
      "usage-request-already-registered",
    ]);
  });

  it("rejects unknown templates, including inherited property names", () => {
    expect(() => renderTemplate("welcome", {})).toThrow(/Unknown email template "welcome"/);
    expect(() => renderTemplate("toString", {})).toThrow(/Unknown email template/);
  });

  it("rejects invalid data", () => {
    expect(() => renderTemplate("applicant-id-issued", { ...idIssued, issuedAt: "yesterday" })).toThrow(
      /Invalid data for email template "applicant-id-issued"/,
    );
    expect(() =>
      renderTemplate("applicant-id-issued", { ...idIssued, loginUrl: "javascript:alert(1)" }),
    ).toThrow(/Invalid data/);
    expect(() => renderTemplate("password-reissued", null)).toThrow(/Invalid data/);
    const withoutPassword: Partial<typeof idIssued> = { ...idIssued };
    delete withoutPassword.temporaryPassword;
    expect(() => renderTemplate("password-reissued", withoutPassword)).toThrow(/temporaryPassword/);
  });
});
