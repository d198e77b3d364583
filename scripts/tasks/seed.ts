// Development seed: one staff account to sign in with (see README). Never runs in production.
import { db } from "@/lib/db";
import { upsertStaffUser } from "@/lib/staff/upsert-staff-user";

export const DEV_STAFF = { email: "staff@example.com", password: "Dev-Staff-7qX!", name: "開発用 職員" };

if (process.env.NODE_ENV === "production") {
  console.error("The development seed does not run in production.");
  process.exit(1);
}
const existing = await db.staffUser.findUnique({ where: { email: DEV_STAFF.email }, select: { id: true } });
if (!existing) {
  await upsertStaffUser({ ...DEV_STAFF, role: "ADMIN" });
  console.log(`Dev staff account: ${DEV_STAFF.email} / ${DEV_STAFF.password}`);
}
process.exit(0);
