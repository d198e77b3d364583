// The groups of 申請内容登録 as a task list: each group's page and whether it is done (入力済み /
// 未入力). Used by 申請内容登録 and by 詳細型への移行 (its six 詳細型 groups).
import Link from "next/link";
import type { ContentGroup } from "@/lib/registration/content-groups";
import { groupStatus, type GroupStatus, type StoredContent } from "@/lib/registration/content-status";

const statusLabels: Record<GroupStatus, string> = { done: "入力済み", todo: "未入力" };

export function GroupTaskList({
  groups,
  content,
  hrefOf = (group) => group.path,
}: {
  groups: readonly ContentGroup[];
  content: StoredContent;
  /** Where a group's link leads (its page, maybe with a way back). */
  hrefOf?: (group: ContentGroup) => string;
}) {
  return (
    <ol className="task-list">
      {groups.map((group) => {
        const isDone = groupStatus(group, content) === "done";
        return (
          <li key={group.key} className="task-list__item">
            <Link href={hrefOf(group)}>{group.label}</Link>
            <span className={isDone ? "task-list__status task-list__status--done" : "task-list__status"}>
              {statusLabels[isDone ? "done" : "todo"]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
