-- CreateEnum
CREATE TYPE "application_status" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'RESUBMITTED', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "registration_type" AS ENUM ('SIMPLE', 'DETAILED');

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "status" "application_status" NOT NULL DEFAULT 'DRAFT',
    "registration_type" "registration_type",
    "application_number" VARCHAR(20),
    "submitted_at" TIMESTAMPTZ(3),
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_personal_info" (
    "application_id" UUID NOT NULL,
    "is_complete" BOOLEAN NOT NULL DEFAULT false,
    "is_japanese" BOOLEAN,
    "family_name" VARCHAR(40),
    "given_name" VARCHAR(40),
    "family_name_kana" VARCHAR(60),
    "given_name_kana" VARCHAR(60),
    "roman_family_name" VARCHAR(60),
    "roman_middle_name" VARCHAR(60),
    "roman_given_name" VARCHAR(60),
    "nationality" VARCHAR(2),
    "residence_status" VARCHAR(40),
    "residence_expiry" VARCHAR(10),
    "alias" VARCHAR(80),
    "birth_date" VARCHAR(10),
    "gender" VARCHAR(10),
    "blood_type" VARCHAR(4),
    "postal_code" VARCHAR(7),
    "prefecture" VARCHAR(10),
    "city" VARCHAR(200),
    "building" VARCHAR(200),
    "phone" VARCHAR(11),
    "email" VARCHAR(254),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_personal_info_pkey" PRIMARY KEY ("application_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_applicant_id_key" ON "application"("applicant_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_application_number_key" ON "application"("application_number");

-- CreateIndex
CREATE INDEX "application_status_submitted_at_idx" ON "application"("status", "submitted_at");

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_personal_info" ADD CONSTRAINT "application_personal_info_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
