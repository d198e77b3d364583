// Rows for the staff payment tests: an applicant with a sent application and its 登録料, made
// straight in the database (the service's own tests go through startPayment and the webhook).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { generateLoginId } from "@/lib/auth/login-id";
import type { FeeStatus, Prisma } from "@/lib/generated/prisma/client";

export async function createFeeOwingApplication(options: {
  name: string;
  applicationNumber: string;
  fee: { amount: number; status: FeeStatus; paidAt?: Date | null };
  sentAt?: Date;
  personalInfo?: Omit<Prisma.ApplicationPersonalInfoCreateWithoutApplicationInput, "application">;
}) {
  const sentAt = options.sentAt ?? new Date();
  const applicant = await db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: options.name,
      email: `${randomUUID()}@example.test`,
      passwordHash: "not-a-usable-hash",
      mustChangePassword: false,
    },
  });
  const application = await db.application.create({
    data: {
      applicantId: applicant.id,
      status: "SUBMITTED",
      registrationType: "SIMPLE",
      applicationNumber: options.applicationNumber,
      submittedAt: sentAt,
      lastSentAt: sentAt,
      personalInfo: options.personalInfo ? { create: options.personalInfo } : undefined,
      fees: {
        create: {
          purpose: "REGISTRATION",
          amount: options.fee.amount,
          status: options.fee.status,
          dueAt: new Date(sentAt.getTime() + 14 * 86_400_000),
          paidAt: options.fee.paidAt ?? null,
        },
      },
    },
    include: { fees: true },
  });
  return { applicantId: applicant.id, applicationId: application.id, feeId: application.fees[0]!.id };
}

/** A provider payment id as the sandbox makes them. */
export const sandboxPaymentId = () => `sbpi_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
