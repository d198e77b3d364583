// 申請する: sends the applicant's own draft; 再申請する sends it again after staff returned it with
// 不備 (same 申請番号, a new version). Idempotent — a double click, a second tab or a retry
// after a lost response all end with the one application, its one 申請番号 and one receipt email.
// The whole application is checked again here; the check page's answers are kept as the
// submitted version (never changed afterwards), and the receipt email is written to the outbox
// in the same transaction as the status change.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { loginUrl } from "@/lib/applicants/issue-applicant";
import { buildCheckSections, canSend, type CheckOptions } from "@/lib/applications/application-check";
import { findApplicationOf, isEditableStatus, isUpgrading } from "@/lib/applications/draft-application";
import { createNotice } from "@/lib/notices/notices";
import { applicationReceivedNotice, applicationResubmittedNotice } from "@/lib/notices/notice-texts";
import { formatYen, registrationFees } from "@/lib/fees";
import { feeAmountFor, paymentDueAt } from "@/lib/payments/fees";
import { effectiveRegistrationType } from "@/lib/registration/content-groups";
import { toJstParts } from "@/lib/format/date";
import { REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import type { Prisma, RegistrationType } from "@/lib/generated/prisma/client";

/** Plain data as stored JSON (undefined properties dropped, as JSON drops them). */
function asJson(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export type SubmitResult =
  | { ok: true; applicationNumber: string }
  | { ok: false; reason: "incomplete" | "changed" | "no-application" };

export function registrationFee(type: RegistrationType): number {
  return type === "DETAILED" ? registrationFees.detailed : registrationFees.simple;
}

/** "20261126-000042": the sending day in Japan, then a number no other application gets. */
export function formatApplicationNumber(at: Date, sequence: bigint | number): string {
  const p = toJstParts(at);
  const day = `${p.year}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}`;
  return `${day}-${String(sequence).padStart(6, "0")}`;
}

export async function submitApplication(
  applicantId: string,
  options: CheckOptions,
  context: { ip: string | null },
): Promise<SubmitResult> {
  const application = await findApplicationOf(applicantId);
  if (!application?.registrationType) return { ok: false, reason: "no-application" };
  // 詳細型への移行: a completed 簡略型 registration sends its 詳細型 content as a new version.
  const isUpgrade = isUpgrading(application);
  if (!isEditableStatus(application.status) && !isUpgrade) {
    return application.applicationNumber
      ? { ok: true, applicationNumber: application.applicationNumber }
      : { ok: false, reason: "no-application" };
  }
  const sections = buildCheckSections(application, options);
  if (!canSend(sections)) return { ok: false, reason: "incomplete" };

  const type = effectiveRegistrationType(application) ?? application.registrationType;
  const isResubmission = application.status === "RETURNED";
  // The fee this send raises: 登録料 for a first 申請, 移行 for 詳細型への移行 (a 再申請 raises nothing).
  const feePurpose = isUpgrade ? "UPGRADE" : "REGISTRATION";
  const feeAmount = feeAmountFor(feePurpose, type);
  const at = now();
  const sent = await db.$transaction(async (tx) => {
    // A 再申請 (and 詳細型への移行) keeps its 申請番号; a first 申請 takes the next one.
    let applicationNumber = application.applicationNumber;
    if ((!isResubmission && !isUpgrade) || !applicationNumber) {
      const [{ value }] = await tx.$queryRaw<
        [{ value: bigint }]
      >`SELECT nextval('application_number_seq') AS value`;
      applicationNumber = formatApplicationNumber(at, value);
    }
    // Only the version that was checked above is sent: a concurrent send or edit changed the
    // lock version, and this one then changes nothing.
    const claimed = await tx.application.updateMany({
      where: { id: application.id, status: application.status, lockVersion: application.lockVersion },
      data: isResubmission
        ? { status: "RESUBMITTED", lastSentAt: at, lockVersion: { increment: 1 } }
        : isUpgrade
          ? // The 申請番号 and the first 申請日時 stay; staff review the new version as a 申請.
            { status: "SUBMITTED", lastSentAt: at, lockVersion: { increment: 1 } }
          : {
              status: "SUBMITTED",
              applicationNumber,
              submittedAt: at,
              lastSentAt: at,
              lockVersion: { increment: 1 },
            },
    });
    if (claimed.count === 0) return null;
    // The first 申請 raises the registration fee (登録料のお支払い, issue 12), 詳細型への移行 the
    // 移行 fee; a 再申請 raises nothing.
    if (!isResubmission) {
      await tx.applicationFee.createMany({
        data: [
          {
            applicationId: application.id,
            purpose: feePurpose,
            amount: feeAmount,
            dueAt: paymentDueAt(at, getEnv().PAYMENT_DUE_DAYS),
            createdAt: at,
          },
        ],
        skipDuplicates: true,
      });
    }
    const version = (await tx.applicationSubmission.count({ where: { applicationId: application.id } })) + 1;
    await tx.applicationSubmission.create({
      data: {
        applicationId: application.id,
        version,
        registrationType: type,
        submittedAt: at,
        content: asJson({
          applicationNumber,
          sections: sections.map(({ key, title, items }) => ({
            key,
            title,
            items: items.map(({ id, label, value, image }) => ({ id, label, value, image })),
          })),
        }),
      },
    });
    const applicant = await tx.applicant.findUniqueOrThrow({
      where: { id: applicantId },
      select: { name: true, email: true, loginId: true },
    });
    await enqueueEmail(tx, {
      template: "application-received",
      to: applicant.email,
      data: {
        name: applicant.name,
        loginId: applicant.loginId,
        applicationNumber,
        registrationType: REGISTRATION_TYPE_LABELS[type],
        fee: `${formatYen(feeAmount)}（税込）`,
        submittedAt: at.toISOString(),
        loginUrl: loginUrl(),
        isResubmission,
      },
      authSecret: getEnv().AUTH_SECRET,
      at,
      applicantId,
    });
    await createNotice(tx, {
      applicantId,
      at,
      ...(isResubmission
        ? applicationResubmittedNotice({ applicationNumber })
        : applicationReceivedNotice({ applicationNumber, registrationType: REGISTRATION_TYPE_LABELS[type] })),
    });
    await recordAudit(tx, {
      actorType: "applicant",
      actorId: applicantId,
      action: isResubmission
        ? "application.resubmitted"
        : isUpgrade
          ? "application.upgrade-submitted"
          : "application.submitted",
      targetType: "application",
      targetId: application.id,
      ip: context.ip,
      details: { applicationNumber, version, registrationType: type },
      at,
    });
    return applicationNumber;
  });
  if (sent) return { ok: true, applicationNumber: sent };

  // Someone else got there first: either this very send from another click (then it is done)
  // or an edit made after the check page was built.
  const current = await db.application.findUnique({
    where: { id: application.id },
    select: { status: true, applicationNumber: true },
  });
  if (current && !isEditableStatus(current.status) && current.applicationNumber) {
    return { ok: true, applicationNumber: current.applicationNumber };
  }
  return { ok: false, reason: "changed" };
}
