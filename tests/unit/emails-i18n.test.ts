// Emails in the applicant's language (issue 15): every applicant email, rendered in every language
// that has the emails namespace, is that language, then a rule and the Japanese email exactly as a
// Japanese applicant gets it; the subject keeps 【建設キャリアアップシステム】. A Japanese email is
// unchanged, and staff emails stay Japanese.
import { describe, expect, it } from "vitest";
import {
  EMAIL_TEMPLATE_NAMES,
  emailTemplates,
  renderTemplate,
  renderTemplateIn,
  splitEmailPayload,
  withEmailLocale,
  type EmailTemplateName,
} from "@/emails/registry";
import { JAPANESE_PART_RULE, MAX_BILINGUAL_SUBJECT_LENGTH } from "@/emails/render";
import { emailWordsIn, JAPANESE_WORDS } from "@/emails/words";
import { checkEmailRetry } from "@/lib/mail/check-email-retry";
import { loadAllMessages } from "@/lib/i18n/messages";
import { LOCALE_INFO, LOCALES, type Locale } from "@/lib/i18n/locales";

const PREFIX = "【建設キャリアアップシステム】";
const login = "https://portal.example.jp/login";
const payment = "https://portal.example.jp/payment";

const credentials = {
  name: "NGUYEN VAN AN",
  loginId: "12345678901221",
  temporaryPassword: "Xy3$kP9!mQ2w",
  loginUrl: login,
  issuedAt: "2025-12-16T15:30:00Z",
  expiresAt: "2025-12-30T15:30:00Z",
};

/** Every applicant template with data that takes each of its branches. */
const SAMPLES: Array<[EmailTemplateName, Record<string, unknown>]> = [
  ["applicant-id-issued", credentials],
  [
    "application-received",
    {
      name: "NGUYEN VAN AN",
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      registrationType: "詳細型登録",
      fee: "4,900円（税込）",
      submittedAt: "2025-12-16T15:30:00Z",
      loginUrl: login,
    },
  ],
  [
    "application-received",
    {
      name: "NGUYEN VAN AN",
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      registrationType: "簡略型登録",
      fee: "2,500円（税込）",
      submittedAt: "2025-12-16T15:30:00Z",
      loginUrl: login,
      isResubmission: true,
    },
  ],
  [
    "application-returned",
    {
      name: "NGUYEN VAN AN",
      loginId: "12345678901221",
      applicationNumber: "20251217-000042",
      items: [
        {
          groupLabel: "本人情報",
          reasonLabel: "氏名が本人確認書類と一致しません",
          comment: "旧字体で\nご入力ください。",
        },
        { groupLabel: "顔写真", reasonLabel: "顔写真が不鮮明です", comment: "" },
      ],
      returnedAt: "2025-12-16T15:30:00Z",
      loginUrl: login,
    },
  ],
  [
    "application-withdrawn",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      withdrawnAt: "2025-12-16T15:30:00Z",
      refundAmount: "2,500円（税込）",
    },
  ],
  [
    "application-withdrawn",
    { name: "NGUYEN VAN AN", applicationNumber: "20251217-000042", withdrawnAt: "2025-12-16T15:30:00Z" },
  ],
  [
    "password-changed",
    { name: "NGUYEN VAN AN", loginId: "12345678901221", changedAt: "2025-12-16T15:30:00Z", loginUrl: login },
  ],
  ["password-reissued", { ...credentials, mode: "pending" }],
  ["password-reissued", { ...credentials, mode: "replace" }],
  [
    "payment-code-issued",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      method: "konbini",
      storeName: "ローソン",
      numberLabel: "受付番号",
      number: "123456",
      confirmationNumber: "7890",
      steps: ["店内の端末で番号を入力します。"],
      amount: "2,500円（税込）",
      expiresAt: "2025-12-20T15:30:00Z",
      paymentUrl: payment,
    },
  ],
  [
    "payment-code-issued",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      method: "slip",
      number: "99887766",
      amount: "2,700円（税込）",
      expiresAt: "2025-12-20T15:30:00Z",
      paymentUrl: payment,
    },
  ],
  [
    "payment-completed",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      amount: "2,500円（税込）",
      method: "コンビニ払い（ローソン）",
      paidAt: "2025-12-16T15:30:00Z",
      paymentUrl: payment,
    },
  ],
  [
    "payment-expired",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      amount: "2,500円（税込）",
      dueAt: "2025-12-16T15:30:00Z",
      paymentUrl: payment,
    },
  ],
  [
    "payment-refunded",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      amount: "2,500円（税込）",
      method: "クレジットカード",
      refundedAt: "2025-12-16T15:30:00Z",
    },
  ],
  [
    "payment-reminder",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      amount: "2,500円（税込）",
      dueAt: "2025-12-16T15:30:00Z",
      paymentUrl: payment,
    },
  ],
  [
    "registration-completed",
    {
      name: "NGUYEN VAN AN",
      applicationNumber: "20251217-000042",
      technicianId: "12345678901234",
      registrationType: "簡略型登録",
      completedAt: "2025-12-16T15:30:00Z",
      loginUrl: login,
    },
  ],
  [
    "usage-request-already-registered",
    {
      name: "NGUYEN VAN AN",
      loginIds: ["12345678901221", "12345678901239"],
      requestedAt: "2025-12-16T15:30:00Z",
      loginUrl: login,
      forgotPasswordUrl: "https://portal.example.jp/password/forgot",
    },
  ],
];

const STAFF_SAMPLE: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(credentials).filter(([key]) => key !== "loginId")),
  name: "職員 花子",
  email: "staff@example.jp",
  loginUrl: "https://portal.example.jp/staff/login",
};

const catalogues = await loadAllMessages();
/** The languages other than Japanese whose catalogue has the emails namespace. */
const TRANSLATED = LOCALES.filter((locale) => locale !== "ja" && catalogues[locale].emails !== undefined);

/** The Japanese title of a rendered Japanese email (its subject without the prefix). */
const titleOf = (subject: string) => subject.slice(PREFIX.length);

it("covers every applicant template, and English at least has the emails namespace", () => {
  const applicantTemplates = EMAIL_TEMPLATE_NAMES.filter((name) => emailTemplates[name].translated);
  expect(new Set(SAMPLES.map(([name]) => name))).toEqual(new Set(applicantTemplates));
  expect(applicantTemplates).not.toContain("staff-account-created");
  expect(TRANSLATED).toContain("en");
});

describe.each(TRANSLATED)("in %s", (locale: Locale) => {
  describe.each(SAMPLES.map(([name, data], index) => [`${name} #${index}`, name, data] as const))(
    "%s",
    (_label, name, data) => {
      const japanese = renderTemplate(name, data);

      it("is the language, a rule, a note, then exactly the Japanese email", async () => {
        const email = await renderTemplateIn(name, data, locale);
        const words = await emailWordsIn(locale);
        const at = email.text.indexOf(`\n${JAPANESE_PART_RULE}\n`);
        expect(at).toBeGreaterThan(0);
        const translated = email.text.slice(0, at);
        const japanesePart = email.text.slice(at + JAPANESE_PART_RULE.length + 2);
        expect(japanesePart).toBe(`${words.t("common.japaneseFollows")}\n\n${japanese.text}`);
        // The applicant's part is in its own words: its greeting, no key names, no Japanese greeting.
        expect(translated.startsWith(words.t("common.greeting", { name: "NGUYEN VAN AN" }))).toBe(true);
        expect(translated).not.toContain("emails.");
        expect(translated).not.toContain(" さま");
        expect(email.text).not.toMatch(/[《》]/u);
      });

      it("keeps the prefix, then its own title and the Japanese title", async () => {
        const email = await renderTemplateIn(name, data, locale);
        const words = await emailWordsIn(locale);
        expect(email.subject.startsWith(PREFIX)).toBe(true);
        expect(email.subject.length).toBeLessThanOrEqual(MAX_BILINGUAL_SUBJECT_LENGTH);
        expect(email.subject.endsWith(` / ${titleOf(japanese.subject)}`)).toBe(true);
        const ownTitle = email.subject.slice(PREFIX.length, -` / ${titleOf(japanese.subject)}`.length);
        expect(ownTitle).not.toBe(titleOf(japanese.subject));
        expect(ownTitle).not.toMatch(/[《》]/u);
        expect(words.t("common.greeting", { name: "x" })).not.toBe(
          JAPANESE_WORDS.t("common.greeting", { name: "x" }),
        );
      });

      it("has both languages in the HTML part, each marked with its lang", async () => {
        const email = await renderTemplateIn(name, data, locale);
        const lang = LOCALE_INFO[locale].htmlLang;
        expect(email.html).toContain(`<html lang="${lang}">`);
        expect(email.html).toContain(`role="article" aria-label="${PREFIX}`);
        const japaneseArticle = /<div role="article" aria-label="[^"]*" lang="ja"[^>]*>[\s\S]*?<\/div>/u.exec(
          japanese.html,
        )?.[0];
        // The Japanese article's content (greeting to footer) is in the translated email as is.
        const inner = japaneseArticle?.slice(japaneseArticle.indexOf(">") + 1);
        expect(inner && email.html.includes(inner)).toBe(true);
      });
    },
  );
});

describe("Japanese and staff emails", () => {
  it.each(SAMPLES.map(([name, data], index) => [`${name} #${index}`, name, data] as const))(
    "%s in Japanese is exactly renderTemplate's email",
    async (_label, name, data) => {
      expect(await renderTemplateIn(name, data, "ja")).toEqual(renderTemplate(name, data));
    },
  );

  it.each(LOCALES)("staff-account-created stays Japanese when asked for %s", async (locale) => {
    expect(await renderTemplateIn("staff-account-created", STAFF_SAMPLE, locale)).toEqual(
      renderTemplate("staff-account-created", STAFF_SAMPLE),
    );
  });
});

describe("values the system wrote in Japanese", () => {
  it("are put into the language; other data stays as it is", async () => {
    const english = await emailWordsIn("en");
    expect(english.value("2,500円（税込）")).toBe("¥2,500 (tax included)");
    expect(english.value("簡略型登録")).toBe("Simple registration (簡略型登録)");
    expect(english.value("コンビニ払い（ローソン）")).toBe(
      "Convenience store payment (コンビニ払い), ローソン",
    );
    expect(english.value("受付番号")).toBe("Reception number (受付番号)");
    expect(english.value("山田 太郎")).toBe("山田 太郎");
    expect(JAPANESE_WORDS.value("2,500円（税込）")).toBe("2,500円（税込）");
  });
});

describe("the stored payload", () => {
  const data = SAMPLES.find(([name]) => name === "password-changed")?.[1] ?? {};

  it("of a Japanese email is only the template data; another language adds its field", () => {
    expect(withEmailLocale(data, "ja")).toBe(data);
    expect(splitEmailPayload(data)).toEqual({ data, locale: "ja" });
    expect(splitEmailPayload(withEmailLocale(data, "vi"))).toEqual({ data, locale: "vi" });
    // An unknown language reads as Japanese rather than failing the email.
    expect(splitEmailPayload({ ...data, locale: "xx" })).toEqual({ data, locale: "ja" });
  });

  it("with a language can still be sent again by staff", () => {
    const base = { status: "FAILED" as const, template: "password-changed", hasSecret: false };
    expect(checkEmailRetry({ ...base, payload: withEmailLocale(data, "en") })).toEqual({ canRetry: true });
    expect(checkEmailRetry({ ...base, payload: { ...data, locale: "en", extra: 1 } })).toEqual({
      canRetry: false,
      reason: "unrenderable",
    });
  });
});
