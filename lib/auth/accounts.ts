// The two kinds of account: applicants sign in with a 申請ログインID, staff with an e-mail address.
// Sign-in (authenticate.ts), the password change (change-password.ts) and 利用停止 / 解除 / ロック解除
// (account-status.ts) are written once over an AccountSource; the source holds what differs.
import type { SessionRole } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import type { AccountTable } from "@/lib/auth/lockout";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { getEnv } from "@/lib/env";
import { createNotice } from "@/lib/notices/notices";
import { passwordChangedNotice } from "@/lib/notices/notice-texts";
import { emailKey } from "@/lib/schemas/normalize";
import { loginUrl } from "@/lib/applicants/issue-applicant";

export type AccountKind = "applicant" | "staff";

/** What a sign-in reads of an account. */
export interface LoginAccount {
  id: string;
  passwordHash: string;
  /** A reissued 申請用パスワード waiting beside the current one (applicants only). */
  pendingPasswordHash: string | null;
  pendingPasswordExpiresAt: Date | null;
  sessionVersion: number;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  tempPasswordExpiresAt: Date | null;
  tempPasswordUsedAt: Date | null;
}

/** The columns every password change writes. */
export interface NewPassword {
  passwordHash: string;
  mustChangePassword: false;
  tempPasswordExpiresAt: null;
  tempPasswordUsedAt: null;
  passwordChangedAt: Date;
  sessionVersion: { increment: 1 };
}

export interface AccountSource {
  kind: AccountKind;
  role: SessionRole;
  table: AccountTable;
  /** The audit log's actorType / targetType, and the prefix of the staff actions' audit names. */
  auditType: AccountKind;
  /** Where the kind signs in: a password change or a lock ends there. */
  loginPath: string;
  /** Sign-in: the account the identifier (login ID or e-mail address) names. */
  find(identifier: string): Promise<LoginAccount | null>;
  /** Marks the temporary password as used; false when it already was. */
  markTemporaryPasswordUsed(id: string, at: Date): Promise<boolean>;
  /**
   * Makes the pending password the current one (to be changed at once), ends every other session
   * and clears the pending one and any lock. Returns the new session version, or null when that
   * pending password is no longer there (used or replaced meanwhile).
   */
  promotePendingPassword(
    id: string,
    pending: { hash: string; expiresAt: Date | null },
    at: Date,
  ): Promise<number | null>;
  /** The current password hash (the password change checks it first). */
  findPasswordHash(id: string): Promise<string>;
  /** Stores the new password, with whatever else this kind clears at a change. */
  storeNewPassword(tx: DbTransaction, id: string, data: NewPassword): Promise<void>;
  /** Inside the change's transaction: how the owner is told of it. */
  tellPasswordChanged(tx: DbTransaction, id: string, at: Date): Promise<void>;
}

const LOGIN_SELECT = {
  id: true,
  passwordHash: true,
  sessionVersion: true,
  disabledAt: true,
  mustChangePassword: true,
  tempPasswordExpiresAt: true,
  tempPasswordUsedAt: true,
} as const;

const applicantSource: AccountSource = {
  kind: "applicant",
  role: "APPLICANT",
  table: "applicant",
  auditType: "applicant",
  loginPath: "/login",
  find: (loginId) =>
    db.applicant.findUnique({
      where: { loginId },
      select: { ...LOGIN_SELECT, pendingPasswordHash: true, pendingPasswordExpiresAt: true },
    }),
  markTemporaryPasswordUsed: async (id, at) => {
    // Conditional, so that two logins racing with one temporary password cannot both win.
    const result = await db.applicant.updateMany({
      where: { id, tempPasswordUsedAt: null },
      data: { tempPasswordUsedAt: at },
    });
    return result.count === 1;
  },
  promotePendingPassword: (id, pending, at) =>
    db.$transaction(async (tx) => {
      // Conditional on the very hash that was checked: two logins racing with one pending
      // password cannot both win, and a newer reissue is not promoted by an older password.
      const rows = await tx.applicant.updateManyAndReturn({
        where: { id, pendingPasswordHash: pending.hash, disabledAt: null },
        data: {
          passwordHash: pending.hash,
          mustChangePassword: true,
          tempPasswordExpiresAt: pending.expiresAt,
          tempPasswordUsedAt: at,
          pendingPasswordHash: null,
          pendingPasswordExpiresAt: null,
          failedLoginCount: 0,
          lockedUntil: null,
          sessionVersion: { increment: 1 },
        },
        select: { sessionVersion: true },
      });
      const row = rows[0];
      if (!row) return null;
      await revokeAllSessions(tx, "APPLICANT", id, at);
      return row.sessionVersion;
    }),
  findPasswordHash: async (id) =>
    (await db.applicant.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash,
  storeNewPassword: async (tx, id, data) => {
    // A reissued password still waiting for its first use dies with the change.
    await tx.applicant.update({
      where: { id },
      data: { ...data, pendingPasswordHash: null, pendingPasswordExpiresAt: null },
    });
  },
  tellPasswordChanged: async (tx, applicantId, at) => {
    const { email, ...owner } = await tx.applicant.findUniqueOrThrow({
      where: { id: applicantId },
      select: { email: true, name: true, loginId: true },
    });
    await enqueueEmail(tx, {
      template: "password-changed",
      to: email,
      data: { ...owner, changedAt: at.toISOString(), loginUrl: loginUrl() },
      authSecret: getEnv().AUTH_SECRET,
      at,
      applicantId,
    });
    await createNotice(tx, { applicantId, ...passwordChangedNotice(), at });
  },
};

const staffSource: AccountSource = {
  kind: "staff",
  role: "STAFF",
  table: "staff_user",
  auditType: "staff",
  loginPath: "/staff/login",
  find: async (email) => {
    const staff = await db.staffUser.findUnique({ where: { email: emailKey(email) }, select: LOGIN_SELECT });
    // Staff have no パスワードを忘れた場合: an administrator issues their temporary passwords.
    return staff ? { ...staff, pendingPasswordHash: null, pendingPasswordExpiresAt: null } : null;
  },
  markTemporaryPasswordUsed: async (id, at) => {
    const result = await db.staffUser.updateMany({
      where: { id, tempPasswordUsedAt: null },
      data: { tempPasswordUsedAt: at },
    });
    return result.count === 1;
  },
  promotePendingPassword: async () => null,
  findPasswordHash: async (id) =>
    (await db.staffUser.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash,
  storeNewPassword: async (tx, id, data) => {
    await tx.staffUser.update({ where: { id }, data });
  },
  // Staff have no 通知, and no e-mail is sent for their change.
  tellPasswordChanged: async () => {},
};

const SOURCES: Readonly<Record<AccountKind, AccountSource>> = {
  applicant: applicantSource,
  staff: staffSource,
};

export const accountSource = (kind: AccountKind): AccountSource => SOURCES[kind];
