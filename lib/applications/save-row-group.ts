// Stores the 詳細型 groups of 申請内容登録 (学歴, 労災保険特別加入, 健康診断, 保有資格, 研修, 表彰):
// the rows of the group's table and its ApplicationGroupState. Row ids stay the same while a row
// is edited, so that what hangs on a row (a 保有資格 image in "qualification:<id>") stays with it.
import "server-only";
import {
  writeEditableDetailedGroup,
  type ApplicationWithContent,
} from "@/lib/applications/draft-application";
import type { DbTransaction } from "@/lib/db";
import { retireCurrentFiles } from "@/lib/files/application-files";
import { removeStoredFiles } from "@/lib/files/storage";
import {
  rowFieldKeys,
  type RowFormValues,
  type RowGroupFormValues,
  type RowGroupValues,
} from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupFieldKey, type RowGroupKey } from "@/lib/schemas/row-groups";

/** A row's columns: the group's fields, plus applicationId and position. */
type Columns = Record<string, string | number | null>;

/** What the save needs of a group's table; every 詳細型 table has these. */
interface RowTable {
  findMany(args: { where: { applicationId: string }; select: { id: true } }): PromiseLike<{ id: string }[]>;
  deleteMany(args: { where: { applicationId: string; id: { in: string[] } } }): PromiseLike<unknown>;
  updateMany(args: {
    where: { applicationId: string };
    data: { position: { multiply: number } };
  }): PromiseLike<unknown>;
  update(args: { where: { id: string }; data: Columns }): PromiseLike<unknown>;
  create(args: { data: Columns; select: { id: true } }): PromiseLike<{ id: string }>;
}

type ColumnOf<G extends RowGroupKey> = RowGroupFieldKey<G> | "id" | "position";

/**
 * A group's Prisma delegate as a RowTable. The delegates are generic per model, so no one type
 * covers the six; the cast is checked where it matters: the model must have a column for every
 * field of the group's definition (its `fields` refs), all of them nullable strings in the schema.
 */
function asRowTable<G extends RowGroupKey>(delegate: { fields: Record<ColumnOf<G>, unknown> }): RowTable {
  return delegate as unknown as RowTable;
}

type StoredRows = readonly ({ id: string } & Partial<Record<string, unknown>>)[];

/** Each group's table, and its rows as loaded with the application (in position order). */
const rowTables: Record<
  RowGroupKey,
  { table: (tx: DbTransaction) => RowTable; stored: (application: ApplicationWithContent) => StoredRows }
> = {
  education: {
    table: (tx) => asRowTable<"education">(tx.applicationEducation),
    stored: (application) => application.educations,
  },
  "workers-comp": {
    table: (tx) => asRowTable<"workers-comp">(tx.applicationWorkersComp),
    stored: (application) => application.workersComps,
  },
  "health-checks": {
    table: (tx) => asRowTable<"health-checks">(tx.applicationHealthCheck),
    stored: (application) => application.healthChecks,
  },
  qualifications: {
    table: (tx) => asRowTable<"qualifications">(tx.applicationQualification),
    stored: (application) => application.qualifications,
  },
  trainings: {
    table: (tx) => asRowTable<"trainings">(tx.applicationTraining),
    stored: (application) => application.trainings,
  },
  awards: {
    table: (tx) => asRowTable<"awards">(tx.applicationAward),
    stored: (application) => application.awards,
  },
};

/**
 * Replaces the group's rows with `values.rows`, in order, and records the group's state, in one
 * transaction. A posted row id is kept only when it names a row of this application's table
 * (another applicant's id, or one posted twice, makes a new row); stored rows that were not posted
 * are deleted, with their images. `isComplete` undefined leaves the recorded completion as it was.
 * Returns the stored rows' ids in the order of `values.rows`, or null when the application is no
 * longer 入力中 (nothing is written then).
 */
export async function saveRowGroup(
  applicantId: string,
  groupKey: RowGroupKey,
  values: RowGroupValues,
  isComplete: boolean | undefined,
): Promise<{ rowIds: string[] } | null> {
  const definition = ROW_GROUPS[groupKey];
  // Every row group is a 詳細型 group: open during 詳細型への移行 too.
  const written = await writeEditableDetailedGroup(applicantId, async (tx, applicationId) => {
    const table = rowTables[groupKey].table(tx);
    const stored = new Set(
      (await table.findMany({ where: { applicationId }, select: { id: true } })).map((row) => row.id),
    );
    const kept = new Set<string>();
    const keptIdOf = values.rows.map((row) => {
      if (!row.id || !stored.has(row.id) || kept.has(row.id)) return null;
      kept.add(row.id);
      return row.id;
    });
    const removed = [...stored].filter((id) => !kept.has(id));
    await table.deleteMany({ where: { applicationId, id: { in: removed } } });
    // Positions are unique per application: park the kept rows on negative ones first.
    await table.updateMany({ where: { applicationId }, data: { position: { multiply: -1 } } });
    const rowIds: string[] = [];
    for (const [index, row] of values.rows.entries()) {
      const id = keptIdOf[index];
      const data = { ...row.fields, position: index + 1 };
      if (id) await table.update({ where: { id }, data });
      rowIds.push(id ?? (await table.create({ data: { ...data, applicationId }, select: { id: true } })).id);
    }
    const state = { answer: values.answer };
    await tx.applicationGroupState.upsert({
      where: { applicationId_groupKey: { applicationId, groupKey } },
      create: { applicationId, groupKey, ...state, isComplete: isComplete ?? false },
      update: isComplete === undefined ? state : { ...state, isComplete },
    });
    const prefix = definition.imageSlotPrefix;
    const slots = prefix ? removed.map((id) => `${prefix}:${id}`) : [];
    return { retiredKeys: await retireCurrentFiles(tx, applicationId, slots), rowIds };
  });
  if (!written) return null;
  const saved = written.value;
  // The bytes go only once the rows that named them are gone (see lib/files/storage.ts).
  await removeStoredFiles(saved.retiredKeys);
  return { rowIds: saved.rowIds };
}

/** A group as stored, as the page's form values (empty strings for what is not filled in). */
export function storedRowGroupForm(
  application: ApplicationWithContent,
  groupKey: RowGroupKey,
): RowGroupFormValues {
  const definition = ROW_GROUPS[groupKey];
  const keys = rowFieldKeys(definition);
  const state = application.groupStates.find((row) => row.groupKey === groupKey);
  const rows = rowTables[groupKey].stored(application).map((row): RowFormValues =>
    Object.fromEntries([
      ["id", row.id],
      ...keys.map((key): [string, string] => {
        const value = row[key];
        return [key, typeof value === "string" ? value : ""];
      }),
    ]),
  );
  return { answer: state?.answer ?? "", rows };
}
