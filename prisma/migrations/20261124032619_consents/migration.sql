-- CreateEnum
CREATE TYPE "consent_kind" AS ENUM ('PERSONAL_INFO', 'TERMS');

-- CreateTable
CREATE TABLE "consent_document" (
    "id" UUID NOT NULL,
    "kind" "consent_kind" NOT NULL,
    "version" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,

    CONSTRAINT "consent_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_record" (
    "id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "kind" "consent_kind" NOT NULL,
    "version" INTEGER NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "consented_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(512),

    CONSTRAINT "consent_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consent_document_kind_version_key" ON "consent_document"("kind", "version");

-- CreateIndex
CREATE INDEX "consent_record_applicant_id_kind_idx" ON "consent_record"("applicant_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "consent_record_applicant_id_document_id_key" ON "consent_record"("applicant_id", "document_id");

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "consent_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
