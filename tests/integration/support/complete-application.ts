// A 簡略型 application with every group done, written through the same save functions and
// schemas the pages use (files as rows, as the upload code stores them).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { ensureDraftApplication, setRegistrationType } from "@/lib/applications/draft-application";
import { saveEmployer, saveJobTypes, saveSocialInsurance } from "@/lib/applications/save-groups";
import { savePersonalInfo } from "@/lib/applications/save-personal-info";
import { checkOptions } from "@/lib/applications/check-options";
import { employerSchema } from "@/lib/schemas/employer";
import { makePersonalInfoSchema } from "@/lib/schemas/personal-info";
import { socialInsuranceSchema } from "@/lib/schemas/social-insurance";

export const personalInfoInput = {
  isJapanese: "yes",
  familyName: "山田",
  givenName: "太郎",
  familyNameKana: "ヤマダ",
  givenNameKana: "タロウ",
  birthDate: "1990-04-01",
  gender: "男性",
  postalCode: "100-0001",
  prefecture: "東京都",
  city: "千代田区千代田1-1",
  phone: "03-1234-5678",
  email: "yamada@example.jp",
};

export async function fileRow(applicationId: string, slot: string) {
  const storageKey = randomUUID();
  await db.fileBlob.create({ data: { key: storageKey, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) } });
  return db.applicationFile.create({
    data: {
      applicationId,
      slot,
      storageKey,
      contentType: "image/jpeg",
      byteSize: 4,
      width: 294,
      height: 378,
      sha256: "0".repeat(64),
    },
  });
}

export async function completeSimpleApplication(label: string) {
  const applicant = await issueApplicant({
    name: `申請 ${label}`,
    email: `${label}-${randomUUID().slice(0, 8)}@example.jp`,
    staffId: null,
    ip: null,
  });
  const application = await ensureDraftApplication(applicant.id);
  await setRegistrationType(applicant.id, "SIMPLE");
  const personal = makePersonalInfoSchema(checkOptions()).parse(personalInfoInput);
  await savePersonalInfo(applicant.id, personal, true);
  await db.applicationIdentityDocument.create({
    data: { applicationId: application.id, documentType: "drivers-license", isComplete: true },
  });
  await fileRow(application.id, "identity-front");
  await fileRow(application.id, "identity-back");
  await fileRow(application.id, "face-photo");
  await saveEmployer(applicant.id, employerSchema.parse({ employmentKind: "sole-proprietor" }), true);
  await saveJobTypes(applicant.id, ["06-01"]);
  const insurance = socialInsuranceSchema.parse({
    healthInsurance: "適用除外",
    pensionInsurance: "国民年金",
    employmentInsurance: "適用除外",
    kentaikyo: "not-joined",
    chutaikyo: "not-joined",
  });
  await saveSocialInsurance(applicant.id, insurance, true);
  return { applicant, applicationId: application.id };
}

/** A staff member to decide applications (review, 承認). */
export async function staffMember(label: string) {
  return db.staffUser.create({
    data: {
      email: `${label}-${randomUUID().slice(0, 8)}@example.jp`,
      name: `職員 ${label}`,
      passwordHash: "x",
    },
  });
}
