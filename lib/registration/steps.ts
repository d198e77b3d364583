// The four steps of 登録申請, in order: the two consents, 申請内容登録, 申請内容送信.
export type RegistrationStepKey = "personal-info" | "terms" | "content" | "confirm";

export interface RegistrationStep {
  key: RegistrationStepKey;
  number: 1 | 2 | 3 | 4;
  /** As the step indicator shows it. */
  label: string;
  /** As the breadcrumb shows it (新規登録 / 登録申請 / {page}). */
  pageName: string;
  path: string;
}

export const registrationSteps: readonly RegistrationStep[] = [
  {
    key: "personal-info",
    number: 1,
    label: "個人情報取扱同意",
    pageName: "個人情報の取り扱い等同意",
    path: "/registration/consent/personal-info",
  },
  {
    key: "terms",
    number: 2,
    label: "システム利用規約同意",
    pageName: "システム利用規約同意",
    path: "/registration/consent/terms",
  },
  {
    key: "content",
    number: 3,
    label: "申請内容登録",
    pageName: "申請内容登録",
    path: "/registration/content",
  },
  {
    key: "confirm",
    number: 4,
    label: "申請内容送信",
    pageName: "申請内容送信",
    path: "/registration/confirm",
  },
];

export function stepByKey(key: RegistrationStepKey): RegistrationStep {
  const step = registrationSteps.find((candidate) => candidate.key === key);
  if (!step) throw new Error(`unknown registration step ${key}`);
  return step;
}
