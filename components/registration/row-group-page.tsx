// The whole page of a 詳細型 group of 申請内容登録; each route under app/ names its group.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicantFrame } from "@/components/layout/applicant-frame";
import { ContentPageHeading } from "@/components/registration/content-page-heading";
import type { StoredImage } from "@/components/form/image-field";
import { RowGroupForm } from "@/components/registration/row-group-form";
import { storedRowGroupForm } from "@/lib/applications/save-row-group";
import { now } from "@/lib/clock";
import { loadContentPage } from "@/lib/dal/content-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { contentGroups, effectiveRegistrationType } from "@/lib/registration/content-groups";
import { todayInJapan } from "@/lib/schemas/normalize";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";

const CONTENT_PATH = "/registration/content";

/** The stored row images (slot "<prefix>:<row id>") by row id. */
function rowImages(
  files: readonly { id: string; slot: string; width: number; height: number }[],
  prefix: string | undefined,
): Record<string, StoredImage> {
  if (!prefix) return {};
  return Object.fromEntries(
    files
      .filter((file) => file.slot.startsWith(`${prefix}:`))
      .map((file) => [
        file.slot.slice(prefix.length + 1),
        { fileId: file.id, width: file.width, height: file.height },
      ]),
  );
}

/** The page's title in the page's language (messages/<language>/rows.json). */
export async function rowGroupMetadata(groupKey: RowGroupKey): Promise<Metadata> {
  const t = await getTranslations(`rows.groups.${groupKey}`);
  return { title: withoutRuby(t("title")) };
}

export async function RowGroupPage({ groupKey }: { groupKey: RowGroupKey }) {
  const group = contentGroups.find((candidate) => candidate.key === groupKey);
  const { frame, application } = await loadContentPage(group?.path ?? CONTENT_PATH);
  // 詳細型 only: a 簡略型 application has no such page in its task list.
  // (詳細型への移行 writes the 詳細型 groups of a 簡略型 registration: its type is 詳細型 here.)
  if (effectiveRegistrationType(application) !== "DETAILED") redirect(CONTENT_PATH);
  const definition = ROW_GROUPS[groupKey];
  const t = await getTranslations(`rows.groups.${groupKey}`);
  return (
    <ApplicantFrame {...frame}>
      <ContentPageHeading title={t("heading")} />
      <p>{withRuby(t("intro1"))}</p>
      <p>{withRuby(t("intro2"))}</p>
      <ClientMessages paths={["rows.row", `rows.groups.${groupKey}`, "content.formActions"]}>
        <RowGroupForm
          groupKey={groupKey}
          // The intro is drawn above on the server: the form's copy of the definition goes without it.
          definition={{ ...definition, intro: [] }}
          today={todayInJapan(now())}
          saved={storedRowGroupForm(application, groupKey)}
          draftKey={application.id}
          images={rowImages(application.files, definition.imageSlotPrefix)}
        />
      </ClientMessages>
    </ApplicantFrame>
  );
}
