// Who may administer staff accounts: an administrator whose own account is not disabled.
// Checked again inside every staff-account function (the actions check the session first), so
// the rule holds for any caller, not only for the pages.
import type { DbClient } from "@/lib/db";

// Raw SQL, so that the client and a transaction client (typed apart by the hash omit) both fit.
type Raw = Pick<DbClient, "$queryRaw">;

export async function isActingAdmin(client: Raw, actorId: string): Promise<boolean> {
  const rows = await client.$queryRaw<{ is_admin: boolean }[]>`
    SELECT role = 'ADMIN' AND disabled_at IS NULL AS is_admin
    FROM staff_user WHERE id = ${actorId}::uuid`;
  return rows[0]?.is_admin === true;
}

export const staffLoginUrl = (appUrl: string) => `${appUrl}/staff/login`;
