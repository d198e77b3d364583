// 送信された版 on the review page: each sent version (a link to it, or the one shown), when it was
// sent, and the decision on it with its 不備 reasons.
import Link from "next/link";
import { formatJstDateTime } from "@/lib/format/date";
import { contentGroups } from "@/lib/registration/content-groups";
import type { ApplicationForReview } from "@/lib/review/find-review";

function groupLabel(key: string): string {
  return contentGroups.find((group) => group.key === key)?.label ?? key;
}

export function VersionList({
  application,
  shownVersion,
}: {
  application: Pick<ApplicationForReview, "id" | "versions" | "reviews">;
  shownVersion: number | undefined;
}) {
  return (
    <ol className="version-list">
      {application.versions.map((v) => {
        const review = application.reviews.find((r) => r.submissionVersion === v.version);
        return (
          <li key={v.id}>
            {v.version === shownVersion ? (
              <strong aria-current="page">第{v.version}版（表示中）</strong>
            ) : (
              <Link href={`/staff/applications/${application.id}?version=${v.version}`}>
                第{v.version}版を表示
              </Link>
            )}
            ：{formatJstDateTime(v.submittedAt)} 送信
            {review ? (
              <>
                {" "}
                — {review.decision === "APPROVED" ? "承認" : "不備"}（{formatJstDateTime(review.decidedAt)}、
                {review.staff.name}）
                {review.items.length > 0 ? (
                  <ul>
                    {review.items.map((item) => (
                      <li key={item.id}>
                        {groupLabel(item.groupKey)}：{item.reasonLabel}
                        {item.comment ? `（コメント：${item.comment}）` : ""}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              "— 未判定"
            )}
          </li>
        );
      })}
    </ol>
  );
}
