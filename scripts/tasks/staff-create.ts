// npm run staff:create -- --email E --password P --name N [--role ADMIN|STAFF]
import { parseArgs } from "node:util";
import { z } from "zod";
import { upsertStaffUser } from "@/lib/staff/upsert-staff-user";
import { staffPasswordSchema } from "@/lib/schemas/password";
import { emailAddressSchema } from "@/lib/schemas/normalize";
import { textIn } from "@/lib/i18n/translate";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "ADMIN" },
  },
});

const parsed = z
  .object({
    email: emailAddressSchema,
    password: staffPasswordSchema,
    name: z.string().trim().min(1, "--name is required"),
    role: z.enum(["ADMIN", "STAFF"]),
  })
  .safeParse(values);
if (!parsed.success) {
  console.error("usage: npm run staff:create -- --email E --password P --name N [--role ADMIN|STAFF]");
  // The password rules' messages are references (issue 15): the staff read them in Japanese.
  for (const issue of parsed.error.issues) {
    console.error(`  ${issue.path.join(".")}: ${await textIn("ja", issue.message)}`);
  }
  process.exit(2);
}
const result = await upsertStaffUser(parsed.data);
console.log(
  `${result.created ? "Created" : "Updated"} staff account ${parsed.data.email} (${parsed.data.role}).`,
);
process.exit(0);
