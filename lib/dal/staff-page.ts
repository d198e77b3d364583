// What every staff page needs before it renders: the authorization check and the frame's data.
import "server-only";
import { requireStaff } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";

export async function loadStaffPage(currentPath: string) {
  const { staff, session } = await requireStaff();
  return {
    staff,
    frame: {
      currentPath,
      staffName: staff.name,
      sessionExpiresAt: session.expiresAt,
      warningSeconds: getEnv().SESSION_WARNING_SECONDS,
    },
  };
}
