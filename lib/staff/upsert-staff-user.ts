// Creates or updates a staff account (npm run staff:create, the dev seed).
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password-hash";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { emailKey } from "@/lib/schemas/normalize";

export async function upsertStaffUser(input: {
  email: string;
  password: string;
  name: string;
  role: StaffRole;
}): Promise<{ id: string; created: boolean }> {
  const email = emailKey(input.email.trim());
  const passwordHash = await hashPassword(input.password, getEnv().BCRYPT_COST);
  const existing = await db.staffUser.findUnique({ where: { email }, select: { id: true } });
  const staff = await db.staffUser.upsert({
    where: { email },
    // The operator chose this password, so it is not a temporary one to be replaced at sign-in.
    create: { email, name: input.name, passwordHash, role: input.role, mustChangePassword: false },
    update: {
      name: input.name,
      passwordHash,
      role: input.role,
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      failedLoginCount: 0,
      lockedUntil: null,
      disabledAt: null,
      sessionVersion: { increment: 1 },
    },
    select: { id: true },
  });
  await recordAudit(db, {
    actorType: "system",
    action: existing ? "staff.updated" : "staff.created",
    targetType: "staff",
    targetId: staff.id,
    details: { via: "command line" },
  });
  return { id: staff.id, created: !existing };
}
