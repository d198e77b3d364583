// POST /__test__/reset (issue 10): removes one namespace's data, or without a namespace every
// applicant, every staff account made by the kit (test_namespace set), the captured emails and the
// namespaces. The operator's own staff accounts (test_namespace null) are never touched.
import { db } from "@/lib/db";
import { removeStoredFiles } from "@/lib/files/storage";

export interface ResetResult {
  ns: string | null;
  deleted: { applicants: number; staff: number; emails: number };
}

export async function resetTestData(ns: string | null): Promise<ResetResult> {
  const applicantWhere = ns === null ? {} : { testNamespace: ns };
  const staffWhere = ns === null ? { testNamespace: { not: null } } : { testNamespace: ns };

  const [applicants, staff] = await Promise.all([
    db.applicant.findMany({ where: applicantWhere, select: { id: true, email: true } }),
    db.staffUser.findMany({ where: staffWhere, select: { id: true, email: true } }),
  ]);
  const applicantIds = applicants.map((row) => row.id);
  const staffIds = staff.map((row) => row.id);
  const addresses = [...new Set([...applicants, ...staff].map((row) => row.email))];

  const { storageKeys, emails } = await db.$transaction(async (tx) => {
    const files = await tx.applicationFile.findMany({
      where: { application: { applicantId: { in: applicantIds } } },
      select: { storageKey: true },
    });
    // Applications, versions, files' rows, consents, notices and sessions go with the applicant.
    await tx.applicant.deleteMany({ where: { id: { in: applicantIds } } });
    if (staffIds.length > 0) {
      await tx.applicant.updateMany({
        where: { issuedByStaffId: { in: staffIds } },
        data: { issuedByStaffId: null },
      });
      await tx.applicationReview.deleteMany({ where: { staffId: { in: staffIds } } });
      await tx.bulkIssueJob.deleteMany({ where: { staffId: { in: staffIds } } });
      await tx.staffUser.deleteMany({ where: { id: { in: staffIds } } });
    }
    // Mail still waiting for these addresses is not sent any more.
    if (addresses.length > 0) {
      await tx.emailOutbox.deleteMany({
        where: { toAddress: { in: addresses }, status: { in: ["QUEUED", "RETRYING"] } },
      });
    }
    const capturedWhere = ns === null ? {} : { ns };
    const captured = await tx.testCapturedEmail.deleteMany({ where: capturedWhere });
    await tx.testSignInTicket.deleteMany({ where: ns === null ? {} : { ns } });
    await tx.testNamespace.deleteMany({ where: ns === null ? {} : { ns } });
    return { storageKeys: files.map((row) => row.storageKey), emails: captured.count };
  });
  // The bytes go once no row names them (lib/files/storage.ts).
  await removeStoredFiles(storageKeys);
  return { ns, deleted: { applicants: applicantIds.length, staff: staffIds.length, emails } };
}
