import type { Messages } from "@/lib/i18n/messages";
import auth from "./auth.json";
import unavailable from "./unavailable.json";
import common from "./common.json";
import emails from "./emails.json";
import review from "./review.json";
import validation from "./validation.json";
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

const messages: Messages = {
  payment,
  auth,
  unavailable,
  common,
  emails,
  validation,
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
