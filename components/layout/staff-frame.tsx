// Everything around a signed-in staff page: the shell, ログアウト and the idle warning.
import type { ReactNode } from "react";
import { SessionTimeout } from "@/components/auth/session-timeout";
import { StaffShell } from "@/components/layout/staff-shell";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";

export function StaffFrame({
  currentPath,
  staffName,
  sessionSecondsLeft,
  warningSeconds,
  children,
}: {
  currentPath: string;
  staffName: string;
  sessionSecondsLeft: number;
  warningSeconds: number;
  children: ReactNode;
}) {
  return (
    <StaffShell
      currentPath={currentPath}
      staffName={staffName}
      headerActions={
        <form action={logoutAction} className="header-actions">
          <input type="hidden" name="area" value="staff" />
          <Button type="submit" variant="secondary">
            ログアウト
          </Button>
        </form>
      }
    >
      {children}
      <SessionTimeout remainingSeconds={sessionSecondsLeft} warningSeconds={warningSeconds} area="staff" />
    </StaffShell>
  );
}
