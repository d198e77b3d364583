// What changed between two sent versions of an application (ApplicationSubmission.content), so
// staff reviewing a 再申請 see the corrected answers first. Pure: no database, no server-only.
import { z } from "zod";

// The shape submit-application.ts writes: the check page's sections (CheckSection / CheckItem in
// lib/applications/application-check.ts) without their links and problems.
const submissionImageSchema = z.object({
  fileId: z.string().min(1),
  alt: z.string(),
});

const submissionItemSchema = z.object({
  /** Unique within its section: "familyName", "rows-0-schoolName", "rows-1-image". */
  id: z.string().min(1),
  label: z.string(),
  value: z.string(),
  image: submissionImageSchema.optional(),
});

const submissionSectionSchema = z
  .object({
    /** A content-group key ("personal-info"). */
    key: z.string().min(1),
    title: z.string(),
    items: z.array(submissionItemSchema),
  })
  .superRefine((section, context) => {
    const seen = new Set<string>();
    section.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        context.addIssue({
          code: "custom",
          path: ["items", index, "id"],
          message: `item id "${item.id}" appears twice in section "${section.key}"`,
        });
      }
      seen.add(item.id);
    });
  });

export const submissionContentSchema = z
  .object({
    applicationNumber: z.string().min(1),
    sections: z.array(submissionSectionSchema),
  })
  .superRefine((content, context) => {
    const seen = new Set<string>();
    content.sections.forEach((section, index) => {
      if (seen.has(section.key)) {
        context.addIssue({
          code: "custom",
          path: ["sections", index, "key"],
          message: `section "${section.key}" appears twice`,
        });
      }
      seen.add(section.key);
    });
  });

export type SubmissionContent = z.output<typeof submissionContentSchema>;
export type SubmissionSection = SubmissionContent["sections"][number];
export type SubmissionItem = SubmissionSection["items"][number];

export interface VersionChange {
  sectionKey: string;
  sectionTitle: string;
  itemId: string;
  /** The newer version's label; the older one's for a removed item. */
  label: string;
  kind: "changed" | "added" | "removed";
  /** The older version's value; absent for an added item. */
  before?: string;
  /** The newer version's value; absent for a removed item. */
  after?: string;
  /** Present when either version of the item has an image: whether the image (file id) differs. */
  imageChanged?: boolean;
}

/** A stored ApplicationSubmission.content, validated. Throws an Error describing bad data. */
export function parseSubmissionContent(json: unknown): SubmissionContent {
  const parsed = submissionContentSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Invalid application submission content:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function imageChange(before: SubmissionItem | undefined, after: SubmissionItem | undefined) {
  if (!before?.image && !after?.image) return {};
  return { imageChanged: before?.image?.fileId !== after?.image?.fileId };
}

function removedItems(section: SubmissionSection, items: readonly SubmissionItem[]): VersionChange[] {
  return items.map((item) => ({
    sectionKey: section.key,
    sectionTitle: section.title,
    itemId: item.id,
    label: item.label,
    kind: "removed",
    before: item.value,
    ...imageChange(item, undefined),
  }));
}

/**
 * The items that differ from `before` to `after`, matched by section key and item id, in the
 * newer version's order; an item that only the older version has comes after its section's items,
 * and a section that only the older version has comes last. An item counts as changed when its
 * value or its image's file id differs (a replaced image keeps the value 「画像あり」).
 *
 * A 詳細型 row's items are matched by position (`rows-<n>-…`): deleting the first of two rows
 * shows as the second row's values in row 1 and row 2 removed — which is what the applicant sees too.
 */
export function diffSubmissions(before: SubmissionContent, after: SubmissionContent): VersionChange[] {
  const changes: VersionChange[] = [];
  const beforeSections = new Map(before.sections.map((section) => [section.key, section]));

  for (const section of after.sections) {
    const older = beforeSections.get(section.key);
    const olderItems = new Map((older?.items ?? []).map((item) => [item.id, item]));
    for (const item of section.items) {
      const olderItem = olderItems.get(item.id);
      const base = {
        sectionKey: section.key,
        sectionTitle: section.title,
        itemId: item.id,
        label: item.label,
      };
      if (!olderItem) {
        changes.push({ ...base, kind: "added", after: item.value, ...imageChange(undefined, item) });
      } else if (olderItem.value !== item.value || olderItem.image?.fileId !== item.image?.fileId) {
        changes.push({
          ...base,
          kind: "changed",
          before: olderItem.value,
          after: item.value,
          ...imageChange(olderItem, item),
        });
      }
    }
    if (older) {
      const newerIds = new Set(section.items.map((item) => item.id));
      const gone = older.items.filter((item) => !newerIds.has(item.id));
      // Placed under the newer section's title: the same group, as the reviewer now sees it.
      changes.push(...removedItems({ ...older, title: section.title }, gone));
    }
  }

  const newerKeys = new Set(after.sections.map((section) => section.key));
  for (const section of before.sections) {
    if (!newerKeys.has(section.key)) changes.push(...removedItems(section, section.items));
  }
  return changes;
}
