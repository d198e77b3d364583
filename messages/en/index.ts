import type { Messages } from "@/lib/i18n/messages";
import auth from "./auth.json";
import common from "./common.json";
import emails from "./emails.json";
import review from "./review.json";
import validation from "./validation.json";
import registration from "./registration.json";
import documents from "./documents.json";
import rows from "./rows.json";
import fields from "./fields.json";

const messages: Messages = {
  auth,
  common,
  emails,
  validation,
  review,
  registration,
  documents,
  rows,
  fields,
};
export default messages;
