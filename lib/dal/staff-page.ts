// What every staff page needs before it renders: the authorization check and the frame's data.
import "server-only";
import { requireAdmin, requireStaff } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";

export async function loadStaffPage(currentPath: string) {
  const { staff, session } = await requireStaff();
  return {
    staff,
    frame: {
      currentPath,
      staffName: staff.name,
      isAdmin: staff.role === "ADMIN",
      sessionSecondsLeft: Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000),
      warningSeconds: getEnv().SESSION_WARNING_SECONDS,
    },
  };
}

/** The same for the administrators' pages (職員アカウント): anyone else gets the 404 page. */
export async function loadAdminPage(currentPath: string) {
  await requireAdmin();
  return loadStaffPage(currentPath);
}
