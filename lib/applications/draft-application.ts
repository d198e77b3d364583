// The applicant's application while it is being written (入力中). One per applicant.
import "server-only";
import { db, type DbTransaction } from "@/lib/db";
import { Prisma, type ApplicationStatus, type RegistrationType } from "@/lib/generated/prisma/client";
import { fromJsonRows } from "@/lib/db/json-rows";

/**
 * The statuses in which the applicant may change the content: 入力中, and 不備 (returned by
 * staff, fixed through 20_申請の修正). Every other status is read-only for the applicant.
 */
export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const satisfies readonly ApplicationStatus[];

export function isEditableStatus(status: ApplicationStatus): boolean {
  return (EDITABLE_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/**
 * 詳細型への移行: a completed 簡略型 registration whose move was started (移行を始める) and not yet
 * sent. Only the 詳細型 groups may then be changed ("detailed" scope); the 簡略型 groups, approved
 * already, stay as they are.
 */
const UPGRADING = {
  status: "COMPLETED",
  upgradeStartedAt: { not: null },
} as const satisfies Prisma.ApplicationWhereInput;

export function isUpgrading(application: {
  status: ApplicationStatus;
  upgradeStartedAt: Date | null;
}): boolean {
  return application.status === "COMPLETED" && application.upgradeStartedAt !== null;
}

/** What a write changes: any group ("all"), or only 詳細型 groups ("detailed", also open while upgrading). */
export type EditScope = "all" | "detailed";

/** Whether an application in this state takes a write of the scope (a hint: writes check again under the lock). */
export function isEditableFor(
  application: { status: ApplicationStatus; upgradeStartedAt: Date | null },
  scope: EditScope,
): boolean {
  return isEditableStatus(application.status) || (scope === "detailed" && isUpgrading(application));
}

/** Every group's stored content, for the task list and the pages. */
export const applicationContent = {
  personalInfo: true,
  employer: true,
  jobTypes: { orderBy: { position: "asc" } },
  socialInsurance: true,
  identityDocument: true,
  /** The current image of every slot (replaced ones stay only for submitted versions). */
  files: {
    where: { replacedAt: null },
    orderBy: { createdAt: "asc" },
    omit: { storageKey: true, sha256: true },
  },
  groupStates: true,
  educations: { orderBy: { position: "asc" } },
  workersComps: { orderBy: { position: "asc" } },
  healthChecks: { orderBy: { position: "asc" } },
  qualifications: { orderBy: { position: "asc" } },
  trainings: { orderBy: { position: "asc" } },
  awards: { orderBy: { position: "asc" } },
} as const;

export type ApplicationWithContent = Prisma.ApplicationGetPayload<{ include: typeof applicationContent }>;

/** One group table's row (or null) as JSON, for `applicationContentSql`. */
const oneRow = (table: string) =>
  Prisma.sql`(SELECT to_jsonb(t) FROM ${Prisma.raw(table)} t WHERE t.application_id = a.id)`;

/** One row group table's rows as a JSON array, in the order of `applicationContent`. */
const rows = (table: string, orderBy = "t.position") =>
  Prisma.sql`COALESCE((SELECT jsonb_agg(to_jsonb(t) ORDER BY ${Prisma.raw(orderBy)}) FROM ${Prisma.raw(table)} t
    WHERE t.application_id = a.id), '[]'::jsonb)`;

/**
 * `applicationContent` as one SQL expression over the application row `a`: the application and
 * every group as one JSON value, so the whole application is one round trip (Prisma's include
 * reads each of the twelve relations with its own query). Read back with fromJsonRows.
 */
export const applicationContentSql = Prisma.sql`to_jsonb(a) || jsonb_build_object(
  'personal_info', ${oneRow("application_personal_info")},
  'employer', ${oneRow("application_employer")},
  'job_types', ${rows("application_job_type")},
  'social_insurance', ${oneRow("application_social_insurance")},
  'identity_document', ${oneRow("application_identity_document")},
  'files', COALESCE((SELECT jsonb_agg(to_jsonb(t) - 'storage_key' - 'sha256' ORDER BY t.created_at, t.id)
    FROM application_file t WHERE t.application_id = a.id AND t.replaced_at IS NULL), '[]'::jsonb),
  'group_states', ${rows("application_group_state", "t.group_key")},
  'educations', ${rows("application_education")},
  'workers_comps', ${rows("application_workers_comp")},
  'health_checks', ${rows("application_health_check")},
  'qualifications', ${rows("application_qualification")},
  'trainings', ${rows("application_training")},
  'awards', ${rows("application_award")}
)`;

/** The JSON of applicationContentSql as Prisma would have returned it (include: applicationContent). */
export const applicationFromJson = (value: unknown) => fromJsonRows(value) as ApplicationWithContent;

/** The applicant's application with every group's content, in one query; null before the draft exists. */
export async function findApplicationOf(applicantId: string): Promise<ApplicationWithContent | null> {
  const found = await db.$queryRaw<{ content: unknown }[]>`
    SELECT ${applicationContentSql} AS content FROM application a WHERE a.applicant_id = ${applicantId}::uuid`;
  return found[0] ? applicationFromJson(found[0].content) : null;
}

/**
 * Creates the draft on first use; concurrent first uses end with the same single row. `known` is
 * the application a caller read already in this request (requireStepReachable): then nothing is
 * read again.
 */
export async function ensureDraftApplication(
  applicantId: string,
  known?: ApplicationWithContent | null,
): Promise<ApplicationWithContent> {
  if (known) return known;
  const existing = await findApplicationOf(applicantId);
  if (existing) return existing;
  await db.application.createMany({ data: [{ applicantId }], skipDuplicates: true });
  const created = await findApplicationOf(applicantId);
  if (!created) throw new Error("the draft application was not created");
  return created;
}

/**
 * Runs `write` for the applicant's application in one transaction that first locks the
 * application row, checks that it is still editable (入力中 or 不備) and bumps its lock version
 * (lockDraftApplication), so that the check and the write cannot be split by 申請する: a send
 * that comes first makes this write nothing (null), and one that comes during or after it sees a
 * changed version and sends nothing. Every save of the applicant's content goes through here or
 * takes lockDraftApplication itself. The draft row is created on first use.
 */
export async function writeEditableApplication<T>(
  applicantId: string,
  write: (tx: DbTransaction, applicationId: string) => Promise<T>,
  scope: EditScope = "all",
): Promise<{ value: T } | null> {
  await db.application.createMany({ data: [{ applicantId }], skipDuplicates: true });
  return db.$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { applicantId },
      select: { id: true },
    });
    if (!(await lockDraftApplication(tx, application.id, scope))) return null;
    return { value: await write(tx, application.id) };
  });
}

/** writeEditableApplication for a 詳細型 group: also open during 詳細型への移行. */
export async function writeEditableDetailedGroup<T>(
  applicantId: string,
  write: (tx: DbTransaction, applicationId: string) => Promise<T>,
): Promise<{ value: T } | null> {
  return writeEditableApplication(applicantId, write, "detailed");
}

/**
 * The id of the applicant's application while it may be changed (入力中 or 不備), or null while
 * it is with staff or done; created on first use. Only a hint: a write must check again under the
 * row lock (writeEditableApplication or lockDraftApplication).
 */
export async function editableApplicationId(applicantId: string): Promise<string | null> {
  await db.application.createMany({ data: [{ applicantId }], skipDuplicates: true });
  const application = await db.application.findUniqueOrThrow({
    where: { applicantId },
    select: { id: true, status: true },
  });
  return isEditableStatus(application.status) ? application.id : null;
}

/**
 * The registration type (and with it the fee) is fixed once the application was first sent: one
 * conditional UPDATE, so a 申請する that commits first leaves it as it was.
 */
export async function setRegistrationType(applicantId: string, registrationType: RegistrationType) {
  await db.application.createMany({ data: [{ applicantId }], skipDuplicates: true });
  const updated = await db.application.updateMany({
    where: { applicantId, status: "DRAFT" },
    data: { registrationType, lockVersion: { increment: 1 } },
  });
  return updated.count === 1;
}

/**
 * Inside a transaction that changes the draft: locks its row and bumps its lock version, so that
 * a send (申請する) checked against the old version does not go through. False while it is not
 * editable (sent and with staff, or done). One UPDATE: PostgreSQL re-checks the status after
 * waiting for a concurrent 申請する, so the answer is never stale.
 */
export async function lockDraftApplication(
  tx: DbTransaction,
  applicationId: string,
  scope: EditScope = "all",
): Promise<boolean> {
  const editable: Prisma.ApplicationWhereInput[] = [{ status: { in: [...EDITABLE_STATUSES] } }];
  if (scope === "detailed") editable.push(UPGRADING);
  const locked = await tx.application.updateMany({
    where: { id: applicationId, OR: editable },
    data: { lockVersion: { increment: 1 } },
  });
  return locked.count === 1;
}
