// 申請内容送信: every answer of an application, grouped as the task list groups them, with what is
// still missing or no longer valid. The check page shows it, 申請する refuses to send while any
// group has a problem, and a sent version stores it (ApplicationSubmission.content) as it was.
import "server-only";
import type { ApplicationWithContent } from "@/lib/applications/draft-application";
import { socialInsuranceFormValues } from "@/lib/applications/save-groups";
import { storedRowGroupForm } from "@/lib/applications/save-row-group";
import { personalInfoFormValues } from "@/lib/applications/save-personal-info";
import { formatDateStringJa } from "@/lib/format/date";
import { effectiveRegistrationType, groupsFor, type ContentGroup } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { changeHref } from "@/lib/registration/return-to";
import { countryName } from "@/lib/reference/countries";
import { findJobType } from "@/lib/reference/job-types";
import {
  IDENTITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENT_TYPE_LABELS,
  identityDocumentSchema,
  identityImageSides,
  isIdentityDocumentType,
  missingIdentityImages,
} from "@/lib/schemas/identity-document";
import { rowFieldLabel, rowFields, rowGroupSchema, rowLegend } from "@/lib/schemas/row-group";
import { ROW_GROUPS, isRowGroupKey } from "@/lib/schemas/row-groups";
import { EMPLOYER_LABELS, EMPLOYMENT_KIND_LABELS, employerSchema } from "@/lib/schemas/employer";
import { JOB_TYPES_LABELS, jobTypeCode, jobTypesToFields, makeJobTypesSchema } from "@/lib/schemas/job-types";
import {
  PERSONAL_INFO_LABELS,
  makePersonalInfoSchema,
  type PersonalInfoOptions,
} from "@/lib/schemas/personal-info";
import {
  KYOSAI_STATUS_LABELS,
  SOCIAL_INSURANCE_LABELS,
  socialInsuranceSchema,
  type KyosaiStatus,
} from "@/lib/schemas/social-insurance";

export interface CheckImage {
  fileId: string;
  alt: string;
}

export interface CheckItem {
  /** Unique on the page: the 変更 link's target and its accessible name use it. */
  id: string;
  label: string;
  value: string;
  image?: CheckImage;
  /** The page (and field) where the answer is changed, returning to the check page. */
  href: string;
}

export interface CheckSection {
  key: string;
  title: string;
  /** The group's page, returning to the check page (for a group with nothing in it). */
  href: string;
  items: CheckItem[];
  /** Why the group cannot be sent yet; empty when it can. */
  problems: string[];
}

export interface CheckOptions extends PersonalInfoOptions {
  jobTypeCodes: readonly string[];
}

export const NOT_ENTERED = "（未入力）";

/** The accessible name of a 変更 link: 変更「氏名（名）」 (unique, and never inside another's). */
export function changeLinkName(label: string): string {
  return `変更「${label}」`;
}
export const GROUP_NOT_DONE = "入力が済んでいません。「変更」から入力して「次へ」を押してください。";
export const GROUP_INVALID = "入力内容に誤りがあります。「変更」から入力内容を確認してください。";

type Describe = (
  application: ApplicationWithContent,
  options: CheckOptions,
  group: ContentGroup,
) => { items: CheckItem[]; problems: string[] };

const text = (value: string | null | undefined) => (value ? value : NOT_ENTERED);
const date = (value: string | null | undefined) => (value ? formatDateStringJa(value) : NOT_ENTERED);

function item(group: ContentGroup, id: string, label: string, value: string, image?: CheckImage): CheckItem {
  return {
    id,
    label,
    value,
    href: changeHref(group.path, id),
    ...(image ? { image } : {}),
  };
}

/** A schema that no longer accepts the stored answers (e.g. a date that has since passed). */
function validity(result: { success: boolean }): string[] {
  return result.success ? [] : [GROUP_INVALID];
}

function fileIn(application: ApplicationWithContent, slot: string) {
  return application.files.find((file) => file.slot === slot);
}

const describePersonalInfo: Describe = (application, options, group) => {
  const row = application.personalInfo;
  const values = personalInfoFormValues(row);
  const L = PERSONAL_INFO_LABELS;
  const isForeign = values.isJapanese === "no";
  const entry = (key: keyof typeof L, value: string) => item(group, key, L[key], value);
  const postal = values.postalCode ? `〒${values.postalCode.slice(0, 3)}-${values.postalCode.slice(3)}` : "";
  const items = [
    entry(
      "isJapanese",
      values.isJapanese === "yes" ? "はい" : values.isJapanese === "no" ? "いいえ" : NOT_ENTERED,
    ),
    entry("familyName", text(values.familyName)),
    entry("givenName", text(values.givenName)),
    entry("familyNameKana", text(values.familyNameKana)),
    entry("givenNameKana", text(values.givenNameKana)),
    ...(isForeign
      ? [
          entry("romanFamilyName", text(values.romanFamilyName)),
          entry("romanMiddleName", text(values.romanMiddleName)),
          entry("romanGivenName", text(values.romanGivenName)),
          entry(
            "nationality",
            text(values.nationality ? (countryName(values.nationality) ?? values.nationality) : ""),
          ),
          entry("residenceStatus", text(values.residenceStatus)),
          entry("residenceExpiry", date(values.residenceExpiry)),
        ]
      : []),
    entry("alias", text(values.alias)),
    entry("birthDate", date(values.birthDate)),
    entry("gender", text(values.gender)),
    entry("bloodType", text(values.bloodType)),
    entry("postalCode", text(postal)),
    entry("prefecture", text(values.prefecture)),
    entry("city", text(values.city)),
    entry("building", text(values.building)),
    entry("phone", text(values.phone)),
    entry("email", text(values.email)),
  ];
  return { items, problems: row ? validity(makePersonalInfoSchema(options).safeParse(values)) : [] };
};

const describeIdentityDocument: Describe = (application, _options, group) => {
  const type = application.identityDocument?.documentType;
  const items = [
    item(
      group,
      "documentType",
      IDENTITY_DOCUMENT_LABELS.documentType,
      text(isIdentityDocumentType(type) ? IDENTITY_DOCUMENT_TYPE_LABELS[type] : ""),
    ),
  ];
  for (const side of isIdentityDocumentType(type) ? identityImageSides(type) : []) {
    const file = fileIn(application, side.slot);
    items.push(
      item(
        group,
        side.field,
        side.label,
        file ? "画像あり" : NOT_ENTERED,
        file ? { fileId: file.id, alt: side.label } : undefined,
      ),
    );
  }
  const slots = new Set(application.files.map((file) => file.slot));
  const missing = missingIdentityImages(type, (field) =>
    slots.has(identityImageSides(type).find((side) => side.field === field)?.slot ?? ""),
  );
  const problems = [
    ...validity(identityDocumentSchema.safeParse({ documentType: type ?? "" })),
    ...Object.values(missing),
  ];
  return { items, problems: application.identityDocument ? problems : [] };
};

const describeFacePhoto: Describe = (application, _options, group) => {
  const file = fileIn(application, "face-photo");
  const items = [
    item(
      group,
      "facePhoto",
      "顔写真",
      file ? "画像あり" : NOT_ENTERED,
      file ? { fileId: file.id, alt: "登録する顔写真" } : undefined,
    ),
  ];
  return { items, problems: [] };
};

const describeEmployer: Describe = (application, _options, group) => {
  const row = application.employer;
  const kind = row?.employmentKind as keyof typeof EMPLOYMENT_KIND_LABELS | null | undefined;
  const items = [
    item(
      group,
      "employmentKind",
      EMPLOYER_LABELS.employmentKind,
      text(kind ? EMPLOYMENT_KIND_LABELS[kind] : ""),
    ),
  ];
  if (kind !== "sole-proprietor") {
    items.push(item(group, "employerName", EMPLOYER_LABELS.employerName, text(row?.employerName)));
    items.push(item(group, "employerId", EMPLOYER_LABELS.employerId, text(row?.employerId)));
  }
  const values = {
    employmentKind: row?.employmentKind ?? "",
    employerName: row?.employerName ?? "",
    employerId: row?.employerId ?? "",
  };
  return { items, problems: row ? validity(employerSchema.safeParse(values)) : [] };
};

const describeJobTypes: Describe = (application, options, group) => {
  const codes = application.jobTypes.map((row) => jobTypeCode(row.majorCode, row.minorCode));
  const fields = jobTypesToFields(codes);
  const items = Object.entries(fields).map(([key, code], index) =>
    item(
      group,
      key,
      JOB_TYPES_LABELS[key as keyof typeof JOB_TYPES_LABELS] ?? `職種${index + 1}`,
      text(code ? (findJobType(code)?.label ?? code) : ""),
    ),
  );
  return {
    items,
    problems: codes.length ? validity(makeJobTypesSchema(options.jobTypeCodes).safeParse(fields)) : [],
  };
};

function socialInsuranceValues(application: ApplicationWithContent) {
  return socialInsuranceFormValues(application.socialInsurance);
}

const kyosai = (value: string) => text(value ? (KYOSAI_STATUS_LABELS[value as KyosaiStatus] ?? value) : "");

const describeSocialInsurance: Describe = (application, _options, group) => {
  const L = SOCIAL_INSURANCE_LABELS;
  const values = socialInsuranceValues(application);
  const proof = fileIn(application, "health-insurance-proof");
  const items = [
    item(group, "healthInsurance", L.healthInsurance, text(values.healthInsurance)),
    ...(proof
      ? [
          item(group, "healthInsuranceProof", "健康保険の証明書類", "画像あり", {
            fileId: proof.id,
            alt: "健康保険の証明書類の画像",
          }),
        ]
      : []),
    item(group, "pensionInsurance", L.pensionInsurance, text(values.pensionInsurance)),
    item(group, "employmentInsurance", L.employmentInsurance, text(values.employmentInsurance)),
  ];
  if (values.employmentInsurance === "被保険者") {
    items.push(
      item(
        group,
        "employmentInsuranceNumber",
        L.employmentInsuranceNumber,
        text(values.employmentInsuranceNumber),
      ),
    );
  }
  const row = application.socialInsurance;
  return { items, problems: row ? validity(socialInsuranceSchema.safeParse(values)) : [] };
};

const describeKentaikyo: Describe = (application, _options, group) => {
  const values = socialInsuranceValues(application);
  const items = [item(group, "kentaikyo", SOCIAL_INSURANCE_LABELS.kentaikyo, kyosai(values.kentaikyo))];
  if (values.kentaikyo === "joined") {
    items.push(
      item(group, "kentaikyoNumber", SOCIAL_INSURANCE_LABELS.kentaikyoNumber, text(values.kentaikyoNumber)),
    );
  }
  return { items, problems: [] };
};

const describeChutaikyo: Describe = (application, _options, group) => {
  const values = socialInsuranceValues(application);
  return {
    items: [item(group, "chutaikyo", SOCIAL_INSURANCE_LABELS.chutaikyo, kyosai(values.chutaikyo))],
    problems: [],
  };
};

/** A 詳細型 group: its question's answer, then every row's fields (and a 保有資格's image). */
const describeRowGroup: Describe = (application, options, group) => {
  if (!isRowGroupKey(group.key)) return { items: [], problems: [] };
  const definition = ROW_GROUPS[group.key];
  const stored = storedRowGroupForm(application, group.key);
  const items: CheckItem[] = [];
  if (definition.question) {
    const answer = stored.answer as keyof typeof definition.question.options;
    items.push(item(group, "answer", definition.question.label, text(definition.question.options[answer])));
  }
  stored.rows.forEach((row, index) => {
    for (const [key, spec] of rowFields(definition)) {
      const value = row[key] ?? "";
      const shown = spec.kind === "date" || spec.kind === "month" ? date(value) : text(value);
      items.push(item(group, `rows-${index}-${key}`, rowFieldLabel(spec.label, index), shown));
    }
    const file = definition.imageSlotPrefix && fileIn(application, `${definition.imageSlotPrefix}:${row.id}`);
    if (file) {
      const label = `${rowLegend(definition, index)}の画像`;
      items.push(item(group, `rows-${index}-image`, label, "画像あり", { fileId: file.id, alt: label }));
    }
  });
  return {
    items,
    problems: validity(rowGroupSchema(definition, { today: options.today }).safeParse(stored)),
  };
};

/** Every group of the application's registration type, in task-list order. */
export function buildCheckSections(
  application: ApplicationWithContent,
  options: CheckOptions,
): CheckSection[] {
  const type = effectiveRegistrationType(application) ?? "SIMPLE";
  return groupsFor(type).map((group) => {
    const describe = describers[group.key];
    const described = describe ? describe(application, options, group) : { items: [], problems: [] };
    const isDone = groupStatus(group, application) === "done";
    const problems = isDone ? described.problems : [GROUP_NOT_DONE];
    const href = changeHref(group.path);
    return { key: group.key, title: group.label, href, items: described.items, problems };
  });
}

export function canSend(sections: readonly CheckSection[]): boolean {
  return sections.every((section) => section.problems.length === 0);
}

const describers: Record<string, Describe> = {
  "personal-info": describePersonalInfo,
  "identity-document": describeIdentityDocument,
  "face-photo": describeFacePhoto,
  employer: describeEmployer,
  "job-types": describeJobTypes,
  "social-insurance": describeSocialInsurance,
  kentaikyo: describeKentaikyo,
  chutaikyo: describeChutaikyo,
  ...Object.fromEntries(Object.keys(ROW_GROUPS).map((key) => [key, describeRowGroup])),
};
