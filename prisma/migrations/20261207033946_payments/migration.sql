-- CreateEnum
CREATE TYPE "fee_purpose" AS ENUM ('REGISTRATION', 'UPGRADE');

-- CreateEnum
CREATE TYPE "fee_status" AS ENUM ('UNPAID', 'PAID', 'EXPIRED', 'REFUNDED', 'CANCELED');

-- CreateEnum
CREATE TYPE "payment_method" AS ENUM ('CARD', 'KONBINI', 'SLIP');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('CREATING', 'PENDING', 'PAID', 'EXPIRED', 'CANCELED', 'REFUNDED', 'FLAGGED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "notice_kind" ADD VALUE 'PAYMENT_CODE_ISSUED';
ALTER TYPE "notice_kind" ADD VALUE 'PAYMENT_REMINDER';
ALTER TYPE "notice_kind" ADD VALUE 'PAYMENT_COMPLETED';
ALTER TYPE "notice_kind" ADD VALUE 'PAYMENT_EXPIRED';
ALTER TYPE "notice_kind" ADD VALUE 'PAYMENT_REFUNDED';
ALTER TYPE "notice_kind" ADD VALUE 'APPLICATION_WITHDRAWN';

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "withdraw_reason" VARCHAR(500),
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "application_fee" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "purpose" "fee_purpose" NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "fee_status" NOT NULL DEFAULT 'UNPAID',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "reminder_sent_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_fee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "fee_id" UUID NOT NULL,
    "method" "payment_method" NOT NULL,
    "konbini_store" VARCHAR(20),
    "fee_amount" INTEGER NOT NULL,
    "handling_fee" INTEGER NOT NULL DEFAULT 0,
    "amount" INTEGER NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'CREATING',
    "provider" VARCHAR(20) NOT NULL,
    "provider_payment_id" VARCHAR(100),
    "provider_status" VARCHAR(40),
    "voucher" JSONB,
    "expires_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "canceled_at" TIMESTAMPTZ(3),
    "cancel_reason" VARCHAR(40),
    "last_error_code" VARCHAR(60),
    "last_error_message" VARCHAR(300),
    "last_event_at" TIMESTAMPTZ(3),
    "flag_reason" VARCHAR(300),
    "refunded_at" TIMESTAMPTZ(3),
    "refund_amount" INTEGER,
    "refund_reason" VARCHAR(500),
    "provider_refund_id" VARCHAR(100),
    "refunded_by_staff_id" UUID,
    "slip_sent_at" TIMESTAMPTZ(3),
    "slip_sent_by_staff_id" UUID,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_event" (
    "id" UUID NOT NULL,
    "provider" VARCHAR(20) NOT NULL,
    "event_id" VARCHAR(100) NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "provider_payment_id" VARCHAR(100),
    "payment_id" UUID,
    "event_created_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" VARCHAR(30) NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_payment" (
    "id" VARCHAR(40) NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "amount" INTEGER NOT NULL,
    "amount_refunded" INTEGER NOT NULL DEFAULT 0,
    "method" VARCHAR(20) NOT NULL,
    "konbini_store" VARCHAR(20),
    "status" VARCHAR(30) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "customer_name" VARCHAR(100) NOT NULL,
    "customer_email" VARCHAR(254) NOT NULL,
    "voucher" JSONB,
    "expires_at" TIMESTAMPTZ(3),
    "succeeded_at" TIMESTAMPTZ(3),
    "canceled_at" TIMESTAMPTZ(3),
    "last_error_code" VARCHAR(60),
    "card_last4" VARCHAR(4),
    "return_url" VARCHAR(500) NOT NULL,
    "test_namespace" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_event" (
    "id" VARCHAR(40) NOT NULL,
    "payment_id" VARCHAR(40) NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "abandoned_at" TIMESTAMPTZ(3),
    "last_error" VARCHAR(300),
    "duplicates_left" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sandbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "application_fee_status_due_at_idx" ON "application_fee"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "application_fee_application_id_purpose_key" ON "application_fee"("application_id", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "payment_provider_payment_id_key" ON "payment"("provider_payment_id");

-- CreateIndex
CREATE INDEX "payment_fee_id_created_at_idx" ON "payment"("fee_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_status_expires_at_idx" ON "payment"("status", "expires_at");

-- CreateIndex
CREATE INDEX "payment_paid_at_idx" ON "payment"("paid_at");

-- CreateIndex
CREATE INDEX "payment_method_status_slip_sent_at_idx" ON "payment"("method", "status", "slip_sent_at");

-- CreateIndex
CREATE INDEX "payment_event_payment_id_event_created_at_idx" ON "payment_event"("payment_id", "event_created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_event_provider_event_id_key" ON "payment_event"("provider", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_payment_idempotency_key_key" ON "sandbox_payment"("idempotency_key");

-- CreateIndex
CREATE INDEX "sandbox_payment_reference_idx" ON "sandbox_payment"("reference");

-- CreateIndex
CREATE INDEX "sandbox_payment_status_expires_at_idx" ON "sandbox_payment"("status", "expires_at");

-- CreateIndex
CREATE INDEX "sandbox_event_delivered_at_next_attempt_at_idx" ON "sandbox_event"("delivered_at", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "application_fee" ADD CONSTRAINT "application_fee_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_fee_id_fkey" FOREIGN KEY ("fee_id") REFERENCES "application_fee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_event" ADD CONSTRAINT "payment_event_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_event" ADD CONSTRAINT "sandbox_event_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "sandbox_payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one fee, one payment. At most one live payment (being created, waiting, paid or
-- flagged for staff) per fee: a second 支払う (double click, two tabs, card after konbini) fails on
-- this index if the application's own lock was somehow passed.
CREATE UNIQUE INDEX "payment_one_live_per_fee" ON "payment" ("fee_id") WHERE "status" IN ('CREATING', 'PENDING', 'PAID', 'FLAGGED');
