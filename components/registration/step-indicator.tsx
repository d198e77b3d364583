// 1 個人情報取扱同意 / 2 システム利用規約同意 / 3 申請内容登録 / 4 申請内容送信, current one marked.
// The names are the steps' system names; other languages show them beside their translation
// (messages/<language>/registration.json, issue 15).
import { useTranslations } from "next-intl";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { registrationSteps, type RegistrationStepKey } from "@/lib/registration/steps";

/** A step's key in messages/<language>/registration.json (steps.names, steps.pageNames). */
export const STEP_MESSAGE_KEYS = {
  "personal-info": "personalInfo",
  terms: "terms",
  content: "content",
  confirm: "confirm",
} as const satisfies Record<RegistrationStepKey, string>;

export function StepIndicator({ current }: { current: RegistrationStepKey }) {
  const t = useTranslations("registration.steps");
  const currentIndex = registrationSteps.findIndex((step) => step.key === current);
  return (
    <nav aria-label={withoutRuby(t("label"))}>
      <ol className="steps">
        {registrationSteps.map((step, index) => {
          const isCurrent = index === currentIndex;
          const isDone = index < currentIndex;
          return (
            <li
              key={step.key}
              className={isDone ? "steps__item steps__item--done" : "steps__item"}
              aria-current={isCurrent ? "step" : undefined}
            >
              <span className="steps__number" aria-hidden="true">
                {step.number}
              </span>
              <span>
                <span className="visually-hidden">{withRuby(t("number", { number: step.number }))} </span>
                {withRuby(t(`names.${STEP_MESSAGE_KEYS[step.key]}`))}
                <span className="visually-hidden">
                  {withRuby(t(isCurrent ? "current" : isDone ? "done" : "notDone"))}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
