// 判定 on the review page: 承認する and 不備として戻す side by side, each in its own region.
import { ApproveForm, type ReasonGroupOption, ReturnForm } from "@/components/staff/review-decision-forms";

export function ReviewDecisionPanels({
  applicationId,
  lockVersion,
  reasonGroups,
}: {
  applicationId: string;
  lockVersion: number;
  reasonGroups: ReasonGroupOption[];
}) {
  return (
    <section aria-labelledby="decision-title">
      <h2 className="section-title" id="decision-title">
        判定
      </h2>
      <div className="decision-panels">
        <section aria-labelledby="approve-title">
          <h3 className="section-title" id="approve-title">
            承認する
          </h3>
          <ApproveForm applicationId={applicationId} lockVersion={lockVersion} />
        </section>
        <section aria-labelledby="return-title">
          <h3 className="section-title" id="return-title">
            不備として戻す
          </h3>
          <ReturnForm applicationId={applicationId} lockVersion={lockVersion} reasonGroups={reasonGroups} />
        </section>
      </div>
    </section>
  );
}
