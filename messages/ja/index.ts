// Japanese: the source and the binding text. Every other language has exactly these keys
// (lib/i18n/messages.ts checks it in the type check, tests/unit/i18n-messages.test.ts at run time).
import auth from "./auth.json";
import common from "./common.json";
import emails from "./emails.json";
import review from "./review.json";
import validation from "./validation.json";
import registration from "./registration.json";
import documents from "./documents.json";
import rows from "./rows.json";
import fields from "./fields.json";

const messages = { auth, common, emails, validation, review, registration, documents, rows, fields };
export default messages;
