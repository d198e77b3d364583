-- AlterTable
ALTER TABLE "applicant" ADD COLUMN     "test_namespace" VARCHAR(64);

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "test_namespace" VARCHAR(64);

-- CreateTable
CREATE TABLE "test_namespace" (
    "ns" VARCHAR(64) NOT NULL,
    "clock_offset_ms" BIGINT,
    "faults" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "test_namespace_pkey" PRIMARY KEY ("ns")
);

-- CreateTable
CREATE TABLE "test_captured_email" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "ns" VARCHAR(64),
    "outbox_id" UUID,
    "template" VARCHAR(64),
    "message_id" VARCHAR(255),
    "from_address" VARCHAR(320) NOT NULL,
    "to_address" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(500) NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_captured_email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_sign_in_ticket" (
    "token_hash" VARCHAR(64) NOT NULL,
    "ns" VARCHAR(64) NOT NULL,
    "role" "session_role" NOT NULL,
    "account_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_sign_in_ticket_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "test_captured_email_to_address_idx" ON "test_captured_email"("to_address");

-- CreateIndex
CREATE INDEX "test_captured_email_ns_idx" ON "test_captured_email"("ns");

-- CreateIndex
CREATE UNIQUE INDEX "test_captured_email_seq_key" ON "test_captured_email"("seq");

-- CreateIndex
CREATE INDEX "applicant_test_namespace_idx" ON "applicant"("test_namespace");

-- CreateIndex
CREATE INDEX "staff_user_test_namespace_idx" ON "staff_user"("test_namespace");
