-- CreateTable
CREATE TABLE "application_identity_document" (
    "application_id" UUID NOT NULL,
    "is_complete" BOOLEAN NOT NULL DEFAULT false,
    "document_type" VARCHAR(40),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_identity_document_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "application_file" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "slot" VARCHAR(60) NOT NULL,
    "storage_key" VARCHAR(100) NOT NULL,
    "content_type" VARCHAR(40) NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replaced_at" TIMESTAMPTZ(3),

    CONSTRAINT "application_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "file_blob" (
    "key" VARCHAR(100) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "file_blob_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "application_group_state" (
    "application_id" UUID NOT NULL,
    "group_key" VARCHAR(40) NOT NULL,
    "is_complete" BOOLEAN NOT NULL DEFAULT false,
    "answer" VARCHAR(20),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_group_state_pkey" PRIMARY KEY ("application_id","group_key")
);

-- CreateTable
CREATE TABLE "application_education" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" VARCHAR(20),
    "school_name" VARCHAR(200),
    "graduated_month" VARCHAR(7),

    CONSTRAINT "application_education_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_workers_comp" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "group_name" VARCHAR(200),
    "joined_on" VARCHAR(10),

    CONSTRAINT "application_workers_comp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_health_check" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "examined_on" VARCHAR(10),
    "kind" VARCHAR(40),

    CONSTRAINT "application_health_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_qualification" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200),
    "acquired_on" VARCHAR(10),
    "number" VARCHAR(40),

    CONSTRAINT "application_qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_training" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200),
    "attended_on" VARCHAR(10),
    "provider" VARCHAR(200),

    CONSTRAINT "application_training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_award" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(200),
    "awarded_on" VARCHAR(10),
    "awarded_by" VARCHAR(200),

    CONSTRAINT "application_award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_submission" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "registration_type" "registration_type" NOT NULL,
    "content" JSONB NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "application_file_application_id_slot_idx" ON "application_file"("application_id", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "application_education_application_id_position_key" ON "application_education"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_workers_comp_application_id_position_key" ON "application_workers_comp"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_health_check_application_id_position_key" ON "application_health_check"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_qualification_application_id_position_key" ON "application_qualification"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_training_application_id_position_key" ON "application_training"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_award_application_id_position_key" ON "application_award"("application_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_submission_application_id_version_key" ON "application_submission"("application_id", "version");

-- AddForeignKey
ALTER TABLE "application_identity_document" ADD CONSTRAINT "application_identity_document_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_file" ADD CONSTRAINT "application_file_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_group_state" ADD CONSTRAINT "application_group_state_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_education" ADD CONSTRAINT "application_education_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_workers_comp" ADD CONSTRAINT "application_workers_comp_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_health_check" ADD CONSTRAINT "application_health_check_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_qualification" ADD CONSTRAINT "application_qualification_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_training" ADD CONSTRAINT "application_training_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_award" ADD CONSTRAINT "application_award_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_submission" ADD CONSTRAINT "application_submission_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- 申請番号: numbers come from a sequence, so that two applications sent at once never share one
-- and no row lock is held while sending (a gap after a rolled-back send is harmless).
CREATE SEQUENCE "application_number_seq" START WITH 1 INCREMENT BY 1 NO CYCLE;
