// 1 個人情報取扱同意 / 2 システム利用規約同意 / 3 申請内容登録 / 4 申請内容送信, current one marked.
import { registrationSteps, type RegistrationStepKey } from "@/lib/registration/steps";

export function StepIndicator({ current }: { current: RegistrationStepKey }) {
  const currentIndex = registrationSteps.findIndex((step) => step.key === current);
  return (
    <nav aria-label="申請の手順">
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
                <span className="visually-hidden">ステップ{step.number} </span>
                {step.label}
                <span className="visually-hidden">
                  {isCurrent ? "（現在のステップ）" : isDone ? "（完了）" : "（未完了）"}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
