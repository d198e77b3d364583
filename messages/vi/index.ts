// Filled namespace by namespace (issue 15): tests/unit/i18n-messages.test.ts fails on any key
// missing here, and `npx tsx scripts/i18n-missing.ts <locale>` lists them with the Japanese and English.
import type { PartialMessages } from "@/lib/i18n/messages";
import validation from "./validation.json";
import common from "./common.json";
import auth from "./auth.json";
import unavailable from "./unavailable.json";
import emails from "./emails.json";
import review from "./review.json";
import registration from "./registration.json";
import documents from "./documents.json";
import rows from "./rows.json";
import fields from "./fields.json";
import applicantName from "./applicantName.json";
import content from "./content.json";
import personal from "./personal.json";
import employer from "./employer.json";
import jobTypes from "./jobTypes.json";
import socialInsurance from "./socialInsurance.json";
import reference from "./reference.json";
import payment from "./payment.json";

const messages: PartialMessages = {
  payment,
  validation,
  common,
  auth,
  unavailable,
  emails,
  review,
  registration,
  documents,
  rows,
  fields,
  applicantName,
  content,
  personal,
  employer,
  jobTypes,
  socialInsurance,
  reference,
};
export default messages;
