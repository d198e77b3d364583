// The groups of 申請内容登録 as a task list: each group's page and whether it is done (入力済み /
// 未入力). Used by 申請内容登録 and by 詳細型への移行 (its six 詳細型 groups). The groups' names
// are content.groups (in another language with the Japanese name beside it).
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ContentGroup } from "@/lib/registration/content-groups";
import { groupStatus, type StoredContent } from "@/lib/registration/content-status";
import type { Messages } from "@/lib/i18n/messages";
import { withRuby } from "@/lib/i18n/ruby";

/** The key of a group's name in content.groups (every key of lib/registration/content-groups.ts). */
export type ContentGroupNameKey = keyof Messages["content"]["groups"];

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
  const t = useTranslations("content");
  return (
    <ol className="task-list">
      {groups.map((group) => {
        const isDone = groupStatus(group, content) === "done";
        return (
          <li key={group.key} className="task-list__item">
            <Link href={hrefOf(group)}>{withRuby(t(`groups.${group.key as ContentGroupNameKey}`))}</Link>
            <span className={isDone ? "task-list__status task-list__status--done" : "task-list__status"}>
              {withRuby(t(isDone ? "taskList.done" : "taskList.todo"))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
