// Writes the audit trail: staff actions and security events (who, what, when, target).
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeIpAddress } from "@/lib/net/client-address";

export type AuditActorType = "staff" | "applicant" | "system" | "anonymous";

export interface AuditEntry {
  actorType: AuditActorType;
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
  at?: Date;
}

type AuditClient = { auditLog: { create(args: { data: Prisma.AuditLogCreateInput }): Promise<unknown> } };

export async function recordAudit(client: AuditClient, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      // Only a valid address, canonical (at most 39 characters, the column holds 64): never a throw.
      ip: normalizeIpAddress(entry.ip),
      details: entry.details,
      at: entry.at,
    },
  });
}
