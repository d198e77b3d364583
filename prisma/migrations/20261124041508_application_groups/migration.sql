-- CreateTable
CREATE TABLE "application_employer" (
    "application_id" UUID NOT NULL,
    "is_complete" BOOLEAN NOT NULL DEFAULT false,
    "employment_kind" VARCHAR(20),
    "employer_name" VARCHAR(200),
    "employer_id" VARCHAR(14),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_employer_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "application_job_type" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "major_code" VARCHAR(4) NOT NULL,
    "minor_code" VARCHAR(4) NOT NULL,

    CONSTRAINT "application_job_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_social_insurance" (
    "application_id" UUID NOT NULL,
    "is_complete" BOOLEAN NOT NULL DEFAULT false,
    "health_insurance" VARCHAR(20),
    "pension_insurance" VARCHAR(20),
    "employment_insurance" VARCHAR(20),
    "employment_insurance_number" VARCHAR(13),
    "kentaikyo" VARCHAR(12),
    "kentaikyo_number" VARCHAR(20),
    "chutaikyo" VARCHAR(12),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_social_insurance_pkey" PRIMARY KEY ("application_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_job_type_application_id_position_key" ON "application_job_type"("application_id", "position");

-- AddForeignKey
ALTER TABLE "application_employer" ADD CONSTRAINT "application_employer_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_job_type" ADD CONSTRAINT "application_job_type_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_social_insurance" ADD CONSTRAINT "application_social_insurance_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
