// What staff may do to an applicant's account (申請者の詳細): unlock, reissue the password,
// disable and enable. Each change and its audit entry commit together; the status changes are the
// conditional UPDATEs of account-status.ts, so a double post or two staff at once change the
// account once and audit it once.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { changeAccountStatus, type StatusActor, type StatusChange } from "@/lib/auth/account-status";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";

export type StaffActor = StatusActor;

export type AccountActionResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "not-locked" | "disabled" | "already-disabled" | "not-disabled" };

async function exists(applicantId: string): Promise<boolean> {
  return (await db.applicant.count({ where: { id: applicantId } })) === 1;
}

/** Makes the change; when there was nothing to change, says so (`unchanged`) or that there is no such applicant. */
async function applyChange(
  applicantId: string,
  actor: StaffActor,
  change: StatusChange,
  unchanged: "not-locked" | "already-disabled" | "not-disabled",
): Promise<AccountActionResult> {
  const at = now();
  const done = await db.$transaction((tx) =>
    changeAccountStatus(tx, "applicant", change, applicantId, actor, at),
  );
  if (done) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? unchanged : "not-found" };
}

/** ロックを解除する: only while locked; the failure count starts again. */
export const unlockApplicant = (applicantId: string, actor: StaffActor) =>
  applyChange(applicantId, actor, "unlocked", "not-locked");

/**
 * パスワードを再発行する: a new 申請用パスワード by email; the current password and any earlier
 * temporary one stop working, every session ends. Refused for a disabled applicant.
 */
export async function reissuePasswordByStaff(
  applicantId: string,
  actor: StaffActor,
): Promise<AccountActionResult> {
  const result = await reissueTemporaryPassword(applicantId, {
    type: "staff",
    id: actor.staffId,
    ip: actor.ip,
    reason: "staff",
    action: "applicant.password-reissued-by-staff",
  });
  if (result.ok) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? "disabled" : "not-found" };
}

/** 利用を停止する: login refused from now on, every session ends at once. */
export const disableApplicant = (applicantId: string, actor: StaffActor) =>
  applyChange(applicantId, actor, "disabled", "already-disabled");

/** 利用停止を解除する: the applicant may log in again with the password they had. */
export const enableApplicant = (applicantId: string, actor: StaffActor) =>
  applyChange(applicantId, actor, "enabled", "not-disabled");
