// Turns audit rows into what staff read: who (staff name and e-mail, applicant login ID) and
// what (申請者 by login ID, 申請 by 申請番号), with links to their pages where there are some.
import "server-only";
import { db } from "@/lib/db";
import { AUDIT_ACTOR_TYPE_LABELS, AUDIT_TARGET_TYPE_LABELS } from "@/lib/audit/audit-labels";

export interface AuditRow {
  id: bigint;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export interface DescribedAuditRow extends AuditRow {
  actorLabel: string;
  actorHref: string | null;
  targetLabel: string;
  targetHref: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idsOf(rows: AuditRow[], pick: (row: AuditRow) => string | null | undefined): string[] {
  return [...new Set(rows.map(pick).filter((id): id is string => typeof id === "string" && UUID.test(id)))];
}

export async function describeAuditEntries(rows: AuditRow[]): Promise<DescribedAuditRow[]> {
  const staffIds = idsOf(rows, (row) =>
    row.actorType === "staff" ? row.actorId : row.targetType === "staff" ? row.targetId : null,
  );
  const applicantIds = idsOf(rows, (row) => (row.actorType === "applicant" ? row.actorId : null)).concat(
    idsOf(rows, (row) => (row.targetType === "applicant" ? row.targetId : null)),
  );
  const applicationIds = idsOf(rows, (row) => (row.targetType === "application" ? row.targetId : null));
  const [staff, applicants, applications] = await Promise.all([
    staffIds.length
      ? db.staffUser.findMany({
          where: { id: { in: staffIds } },
          select: { id: true, name: true, email: true },
        })
      : [],
    applicantIds.length
      ? db.applicant.findMany({ where: { id: { in: applicantIds } }, select: { id: true, loginId: true } })
      : [],
    applicationIds.length
      ? db.application.findMany({
          where: { id: { in: applicationIds } },
          select: { id: true, applicationNumber: true },
        })
      : [],
  ]);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const loginIdById = new Map(applicants.map((a) => [a.id, a.loginId]));
  const numberById = new Map(applications.map((a) => [a.id, a.applicationNumber]));

  return rows.map((row) => {
    const typeLabel = AUDIT_ACTOR_TYPE_LABELS[row.actorType] ?? row.actorType;
    let actorLabel = row.actorId ? `${typeLabel} ${row.actorId}` : typeLabel;
    let actorHref: string | null = null;
    const actorStaff = row.actorType === "staff" && row.actorId ? staffById.get(row.actorId) : undefined;
    const actorLoginId =
      row.actorType === "applicant" && row.actorId ? loginIdById.get(row.actorId) : undefined;
    if (actorStaff) actorLabel = `${actorStaff.name}（${actorStaff.email}）`;
    if (actorLoginId) {
      actorLabel = `申請者 ${actorLoginId}`;
      actorHref = `/staff/applicants/${row.actorId}`;
    }
    if (row.actorType === "applicant" && !row.actorId) actorLabel = "申請者（IDが一致しない）";

    let targetLabel = "";
    let targetHref: string | null = null;
    if (row.targetType || row.targetId) {
      const targetType = row.targetType ? (AUDIT_TARGET_TYPE_LABELS[row.targetType] ?? row.targetType) : "";
      targetLabel = [targetType, row.targetId].filter(Boolean).join(" ");
      const id = row.targetId ?? "";
      const loginId = row.targetType === "applicant" ? loginIdById.get(id) : undefined;
      const number = row.targetType === "application" ? numberById.get(id) : undefined;
      const targetStaff = row.targetType === "staff" ? staffById.get(id) : undefined;
      if (loginId) {
        targetLabel = `申請者 ${loginId}`;
        targetHref = `/staff/applicants/${id}`;
      } else if (row.targetType === "application" && numberById.has(id)) {
        targetLabel = `申請 ${number ?? id}`;
        targetHref = `/staff/applications/${id}`;
      } else if (targetStaff) {
        targetLabel = `職員 ${targetStaff.name}（${targetStaff.email}）`;
      }
    }
    return { ...row, actorLabel, actorHref, targetLabel, targetHref };
  });
}
