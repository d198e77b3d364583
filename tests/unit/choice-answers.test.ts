// 申請内容送信's answers that are one of a fixed set of choices (lib/applications/choice-answers.ts,
// components/registration/check-words.ts): every choice of every choice field, taken from the fields'
// definitions, is read back in every language in words of its own — the form option's words where the
// form translates its options — and the check page's rows show them (English), the Japanese page as stored.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { CheckSectionList } from "@/components/registration/check-section-list";
import { checkWords } from "@/components/registration/check-words";
import type { CheckItem, CheckSection } from "@/lib/applications/application-check";
import { choiceAnswerRef } from "@/lib/applications/choice-answers";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/message-ref";
import { loadMessages } from "@/lib/i18n/messages";
import { withoutRuby } from "@/lib/i18n/ruby";
import { EMPLOYMENT_KIND_LABELS } from "@/lib/schemas/employer-fields";
import { IDENTITY_DOCUMENT_TYPE_LABELS } from "@/lib/schemas/identity-document-fields";
import { BLOOD_TYPES, GENDERS } from "@/lib/schemas/personal-info-fields";
import { rowFields } from "@/lib/schemas/row-group-fields";
import { ROW_GROUPS } from "@/lib/schemas/row-groups";
import {
  EMPLOYMENT_INSURANCE_KINDS,
  HEALTH_INSURANCE_KINDS,
  KYOSAI_STATUS_LABELS,
  PENSION_KINDS,
} from "@/lib/schemas/social-insurance-fields";

interface ChoiceField {
  groupKey: string;
  /** The check page's item id. */
  itemId: string;
  choices: readonly string[];
}

/** Every choice field the check page reads back, with the values it shows, from the definitions. */
const CHOICE_FIELDS: readonly ChoiceField[] = [
  { groupKey: "personal-info", itemId: "isJapanese", choices: ["はい", "いいえ"] },
  { groupKey: "personal-info", itemId: "gender", choices: GENDERS },
  { groupKey: "personal-info", itemId: "bloodType", choices: BLOOD_TYPES },
  {
    groupKey: "identity-document",
    itemId: "documentType",
    choices: Object.values(IDENTITY_DOCUMENT_TYPE_LABELS),
  },
  { groupKey: "employer", itemId: "employmentKind", choices: Object.values(EMPLOYMENT_KIND_LABELS) },
  { groupKey: "social-insurance", itemId: "healthInsurance", choices: HEALTH_INSURANCE_KINDS },
  { groupKey: "social-insurance", itemId: "pensionInsurance", choices: PENSION_KINDS },
  { groupKey: "social-insurance", itemId: "employmentInsurance", choices: EMPLOYMENT_INSURANCE_KINDS },
  { groupKey: "kentaikyo", itemId: "kentaikyo", choices: Object.values(KYOSAI_STATUS_LABELS) },
  { groupKey: "chutaikyo", itemId: "chutaikyo", choices: Object.values(KYOSAI_STATUS_LABELS) },
  ...Object.entries(ROW_GROUPS).flatMap(([groupKey, definition]) => [
    ...(definition.question
      ? [{ groupKey, itemId: "answer", choices: Object.values(definition.question.options) }]
      : []),
    ...rowFields(definition).flatMap(([key, spec]) =>
      spec.kind === "choice" ? [{ groupKey, itemId: `rows-0-${key}`, choices: spec.choices }] : [],
    ),
  ]),
];

const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The whole catalogue's translator of `locale`, failing on a key the language lacks. */
async function strictTranslator(locale: Locale): Promise<Translate> {
  const translator = createTranslator({
    locale,
    messages: await loadMessages(locale),
    timeZone: "Asia/Tokyo",
    onError: (error) => {
      throw error;
    },
  });
  return translator as unknown as Translate;
}

const item = (id: string, value: string): CheckItem => ({ id, label: id, value, href: `/x#${id}` });

describe("choice answers on the check page", () => {
  it("knows choice fields of every kind (the list is not empty by mistake)", () => {
    const rowChoices = CHOICE_FIELDS.filter((field) => field.itemId.startsWith("rows-"));
    expect(rowChoices.map((field) => field.groupKey).sort()).toEqual(["education", "health-checks"]);
    expect(
      CHOICE_FIELDS.some((field) => field.groupKey === "workers-comp" && field.itemId === "answer"),
    ).toBe(true);
  });

  for (const locale of LOCALES.filter((code) => code !== "ja")) {
    it(`reads every Japanese choice back in words of ${locale}`, async () => {
      const words = checkWords(await strictTranslator(locale), locale);
      for (const { groupKey, itemId, choices } of CHOICE_FIELDS) {
        for (const choice of choices) {
          const where = `${groupKey} ${itemId} ${choice}`;
          const shown = words.choice(groupKey, item(itemId, choice)) ?? words.value(choice);
          if (!JAPANESE_SCRIPT.test(choice)) {
            // 血液型 A, B, O, AB: the form shows them as they are, and so does the check page.
            expect(shown, where).toBeNull();
            continue;
          }
          expect(shown, where).not.toBeNull();
          expect(shown, where).not.toMatch(/i18n:|\{|\}/);
          // Chinese may write a choice as Japanese does (未加入); the other languages never do.
          if (locale !== "ja-x-easy" && locale !== "zh-Hans") expect(shown, where).not.toBe(choice);
        }
      }
    });
  }

  it("uses the words of the form's options", async () => {
    const en = await strictTranslator("en");
    const words = checkWords(en, "en");
    expect(words.choice("personal-info", item("gender", "女性"))).toBe(en("personal.form.genderFemale"));
    expect(words.choice("personal-info", item("bloodType", "不明"))).toBe(
      en("personal.form.bloodTypeUnknown"),
    );
    expect(words.choice("social-insurance", item("employmentInsurance", "適用除外"))).toBe(
      en("socialInsurance.options.exempt", { group: en("socialInsurance.labels.employmentInsurance") }),
    );
    expect(words.choice("education", item("rows-3-category", "高等学校"))).toBe(
      en("rows.groups.education.choices.category.1"),
    );
    expect(words.choice("workers-comp", item("answer", "加入している"))).toBe(
      en("rows.groups.workers-comp.question.yes"),
    );
  });

  it("leaves typed answers, （未入力） and other fields' values alone", () => {
    expect(choiceAnswerRef("personal-info", "familyName", "女性")).toBeNull();
    expect(choiceAnswerRef("personal-info", "gender", "（未入力）")).toBeNull();
    expect(choiceAnswerRef("social-insurance", "employmentInsuranceNumber", "適用除外")).toBeNull();
    expect(choiceAnswerRef("education", "rows-0-schoolName", "高等学校")).toBeNull();
    expect(choiceAnswerRef("education", "rows-0-category", "高校")).toBeNull();
    expect(choiceAnswerRef("qualifications", "answer", "加入している")).toBeNull();
  });
});

type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;

const sections: CheckSection[] = [
  {
    key: "personal-info",
    title: "本人情報",
    href: "/registration/personal-info",
    problems: [],
    items: [
      {
        id: "familyName",
        label: "氏名（姓）",
        value: "山田",
        href: "/registration/personal-info#familyName",
      },
      { id: "gender", label: "性別", value: "女性", href: "/registration/personal-info#gender" },
      { id: "bloodType", label: "血液型", value: "AB", href: "/registration/personal-info#bloodType" },
    ],
  },
  {
    key: "social-insurance",
    title: "社会保険",
    href: "/registration/social-insurance",
    problems: [],
    items: [
      {
        id: "healthInsurance",
        label: "健康保険",
        value: "適用除外",
        href: "/registration/social-insurance#healthInsurance",
      },
      {
        id: "pensionInsurance",
        label: "年金保険",
        value: "国民年金",
        href: "/registration/social-insurance#pensionInsurance",
      },
    ],
  },
  {
    key: "education",
    title: "学歴",
    href: "/registration/education",
    problems: [],
    items: [
      {
        id: "rows-0-category",
        label: "区分（1件目）",
        value: "高等学校",
        href: "/registration/education#rows-0-category",
      },
      {
        id: "rows-0-schoolName",
        label: "学校名（1件目）",
        value: "東京都立高等学校",
        href: "/registration/education#rows-0-schoolName",
      },
    ],
  },
];

async function render(locale: Locale): Promise<string> {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: await loadMessages(locale), timeZone: "Asia/Tokyo" } as ProviderProps,
      createElement(CheckSectionList, { sections, withChangeLinks: true }),
    ),
  );
}

/** The rows' answers (the <dd> that is not the actions' one), tags but <span lang> left out. */
function answers(html: string): string[] {
  return [...html.matchAll(/<dd>(.*?)<\/dd>/g)].map((match) => match[1] ?? "");
}

describe("CheckSectionList: choice answers", () => {
  it("shows the chosen options in English, typed answers as typed, marked Japanese", async () => {
    const en = await strictTranslator("en");
    const html = await render("en");
    expect(answers(html)).toEqual([
      '<span lang="ja">山田</span>',
      en("personal.form.genderFemale"),
      "AB",
      en("socialInsurance.options.exempt", { group: en("socialInsurance.labels.healthInsurance") }),
      en("socialInsurance.options.kokuminNenkin"),
      en("rows.groups.education.choices.category.1"),
      '<span lang="ja">東京都立高等学校</span>',
    ]);
    expect(answers(html).slice(1, 6).join(" ")).toBe(
      "Female AB Exempt (Health insurance) National Pension High school",
    );
    // The change links still lead to the stored answers' fields.
    expect(html).toContain('href="/registration/education#rows-0-category"');
  });

  it("shows the stored Japanese on the Japanese page, as before", async () => {
    const html = await render("ja");
    expect(answers(html)).toEqual([
      "山田",
      "女性",
      "AB",
      "適用除外",
      "国民年金",
      "高等学校",
      "東京都立高等学校",
    ]);
    expect(html).not.toContain("lang=");
  });

  it("shows the furigana'd words in やさしい日本語", async () => {
    const easy = await strictTranslator("ja-x-easy");
    const html = await render("ja-x-easy");
    const shown = answers(html);
    expect(shown[1]).toContain("<ruby>");
    const base = shown[1]?.replace(/<rt>.*?<\/rt>|<rp>.*?<\/rp>|<\/?ruby>/g, "");
    expect(base).toBe(withoutRuby(easy("personal.form.genderFemale")));
    expect(shown[0]).toBe('<span lang="ja">山田</span>');
  });
});
