// The test kit's email field parser (lib/test-kit/mail-fields.ts) over emails rendered by the real
// templates (emails/registry.ts), text and HTML parts, plus Mailpit's search query subset.
import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATE_NAMES, renderTemplate } from "@/emails/registry";
import { htmlToText, parseMailFields } from "@/lib/test-kit/mail-fields";
import { parseAddress, parseSearchQuery, snippetOf } from "@/lib/test-kit/mailpit";

const loginUrl = "https://portal.example.jp/login";
const at = "2025-12-16T15:30:00.000Z";
const credentials = {
  name: "山田 太郎",
  loginId: "12345678901221",
  temporaryPassword: "Xy3$kP9!<mQ2w&",
  loginUrl,
  issuedAt: at,
  expiresAt: "2025-12-30T15:30:00.000Z",
};

const render = (template: Parameters<typeof renderTemplate>[0], data: Record<string, unknown>) =>
  renderTemplate(template, data);

const none = {
  loginId: null,
  temporaryPassword: null,
  loginUrl: null,
  applicationNumber: null,
  technicianId: null,
  returnedItems: [],
  paymentNumber: null,
  confirmationNumber: null,
};
const paymentUrl = "https://portal.example.jp/payment";

describe("parseMailFields over rendered emails", () => {
  const cases: Array<[string, () => ReturnType<typeof render>, Partial<ReturnType<typeof parseMailFields>>]> =
    [
      [
        "applicant-id-issued",
        () => render("applicant-id-issued", credentials),
        { loginId: "12345678901221", temporaryPassword: "Xy3$kP9!<mQ2w&", loginUrl },
      ],
      [
        "password-reissued",
        () => render("password-reissued", credentials),
        { loginId: "12345678901221", temporaryPassword: "Xy3$kP9!<mQ2w&", loginUrl },
      ],
      [
        "application-received",
        () =>
          render("application-received", {
            name: "山田 太郎",
            loginId: "12345678901221",
            applicationNumber: "20251217-000042",
            registrationType: "詳細型登録",
            fee: "4,900円（税込）",
            submittedAt: at,
            loginUrl,
          }),
        { loginId: "12345678901221", applicationNumber: "20251217-000042", loginUrl },
      ],
      [
        "registration-completed",
        () =>
          render("registration-completed", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            technicianId: "98765432109821",
            registrationType: "簡略型登録",
            completedAt: at,
            loginUrl,
          }),
        { applicationNumber: "20251217-000042", technicianId: "98765432109821", loginUrl },
      ],
      [
        "staff-account-created",
        () =>
          render("staff-account-created", {
            name: "職員 花子",
            email: "hanako@example.jp",
            temporaryPassword: "Tmp-Pass-1234",
            loginUrl: "https://portal.example.jp/staff/login",
            issuedAt: at,
            expiresAt: "2025-12-30T15:30:00.000Z",
          }),
        { temporaryPassword: "Tmp-Pass-1234", loginUrl: "https://portal.example.jp/staff/login" },
      ],
      [
        "password-changed",
        () =>
          render("password-changed", {
            name: "山田 太郎",
            loginId: "12345678901221",
            changedAt: at,
            loginUrl,
          }),
        { loginId: "12345678901221", loginUrl },
      ],
      [
        "payment-code-issued (コンビニ払い)",
        () =>
          render("payment-code-issued", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            method: "konbini",
            storeName: "ローソン",
            numberLabel: "受付番号",
            number: "12345678901",
            confirmationNumber: "1234",
            steps: ["Loppi で「各種番号をお持ちの方」を選ぶ"],
            amount: "2,500円（税込）",
            expiresAt: at,
            paymentUrl,
          }),
        { applicationNumber: "20251217-000042", paymentNumber: "12345678901", confirmationNumber: "1234" },
      ],
      [
        "payment-code-issued (払込票)",
        () =>
          render("payment-code-issued", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            method: "slip",
            number: "12345678901234",
            amount: "2,700円（税込）",
            expiresAt: at,
            paymentUrl,
          }),
        { applicationNumber: "20251217-000042", paymentNumber: "12345678901234" },
      ],
      [
        "payment-completed",
        () =>
          render("payment-completed", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            amount: "2,500円（税込）",
            method: "クレジットカード",
            paidAt: at,
            paymentUrl,
          }),
        { applicationNumber: "20251217-000042" },
      ],
      [
        "payment-reminder",
        () =>
          render("payment-reminder", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            amount: "2,500円（税込）",
            dueAt: at,
            paymentUrl,
          }),
        { applicationNumber: "20251217-000042" },
      ],
      [
        "payment-expired",
        () =>
          render("payment-expired", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            amount: "2,500円（税込）",
            dueAt: at,
            paymentUrl,
          }),
        { applicationNumber: "20251217-000042" },
      ],
      [
        "payment-refunded",
        () =>
          render("payment-refunded", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            amount: "2,500円（税込）",
            method: "クレジットカード",
            refundedAt: at,
          }),
        { applicationNumber: "20251217-000042" },
      ],
      [
        "application-withdrawn",
        () =>
          render("application-withdrawn", {
            name: "山田 太郎",
            applicationNumber: "20251217-000042",
            withdrawnAt: at,
            refundAmount: "2,500円（税込）",
          }),
        { applicationNumber: "20251217-000042" },
      ],
    ];

  for (const [name, make, expected] of cases) {
    it(`reads ${name} from its text part and, alike, from its HTML part`, () => {
      const email = make();
      expect(parseMailFields(email)).toEqual({ ...none, ...expected });
      expect(parseMailFields({ text: "", html: email.html })).toEqual({ ...none, ...expected });
    });
  }

  it("reads each 不備 item with its group, reason and multi-line comment", () => {
    const email = render("application-returned", {
      name: "山田 太郎",
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      items: [
        {
          groupLabel: "本人情報",
          reasonLabel: "氏名の誤り",
          comment: "氏名の漢字が\n本人確認書類と違います。",
        },
        { groupLabel: "顔写真", reasonLabel: "写真が不鮮明", comment: "" },
      ],
      returnedAt: at,
      loginUrl,
    });
    const expected = {
      ...none,
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      loginUrl,
      returnedItems: [
        { group: "本人情報", reason: "氏名の誤り", comment: "氏名の漢字が\n本人確認書類と違います。" },
        { group: "顔写真", reason: "写真が不鮮明", comment: "" },
      ],
    };
    expect(parseMailFields(email)).toEqual(expected);
    expect(parseMailFields({ html: email.html })).toEqual(expected);
  });

  it("takes the first 申請ログインID of a reminder listing several", () => {
    const email = render("usage-request-already-registered", {
      name: "山田 太郎",
      loginIds: ["12345678901221", "12345678901239"],
      loginUrl,
      requestedAt: at,
      forgotPasswordUrl: "https://portal.example.jp/forgot-password",
    });
    expect(parseMailFields(email).loginId).toBe("12345678901221");
  });

  it("covers every template of the registry (a new template needs a case here)", () => {
    expect([...EMAIL_TEMPLATE_NAMES].sort()).toEqual(
      [
        "applicant-id-issued",
        "application-received",
        "application-returned",
        "application-withdrawn",
        "payment-code-issued",
        "payment-completed",
        "payment-expired",
        "payment-refunded",
        "payment-reminder",
        "password-changed",
        "password-reissued",
        "registration-completed",
        "staff-account-created",
        "usage-request-already-registered",
      ].sort(),
    );
  });

  it("answers nulls and no items for an email without fields", () => {
    expect(parseMailFields({ text: "こんにちは\n\n本文です。\n", html: "" })).toEqual(none);
  });

  it("unescapes the HTML part", () => {
    expect(htmlToText("<p>a &amp; b<br>c &lt;d&gt;</p>")).toBe("a & b\nc <d>\n\n");
  });
});

describe("Mailpit search query subset", () => {
  it("parses field terms, quoted phrases, bare words and negation", () => {
    expect(
      parseSearchQuery('to:w0.issued.1@example.jp subject:"ログインID・パスワード" 不備 -from:x "two words"'),
    ).toEqual([
      { field: "to", value: "w0.issued.1@example.jp", negate: false },
      { field: "subject", value: "ログインID・パスワード", negate: false },
      { field: "any", value: "不備", negate: false },
      { field: "from", value: "x", negate: true },
      { field: "any", value: "two words", negate: false },
    ]);
  });

  it("is case-insensitive in field names and skips empty terms", () => {
    expect(parseSearchQuery('Subject:Hello  to:""  ')).toEqual([
      { field: "subject", value: "Hello", negate: false },
    ]);
    expect(parseSearchQuery("")).toEqual([]);
  });

  it("keeps an unknown prefix as a bare word", () => {
    expect(parseSearchQuery("tag:x")).toEqual([{ field: "any", value: "tag:x", negate: false }]);
  });

  it("splits a sender into Mailpit's Name and Address", () => {
    expect(parseAddress("建設キャリアアップシステム <no-reply@ccus.localhost>")).toEqual({
      Name: "建設キャリアアップシステム",
      Address: "no-reply@ccus.localhost",
    });
    expect(parseAddress("a@b.jp")).toEqual({ Name: "", Address: "a@b.jp" });
  });

  it("makes a snippet of at most 250 characters", () => {
    expect(snippetOf("a\n\n b")).toBe("a b");
    expect(snippetOf("x".repeat(300))).toHaveLength(253);
  });
});
