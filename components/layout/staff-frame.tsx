// Everything around a signed-in staff page: the shell, ログアウト and the idle warning.
import type { ReactNode } from "react";
import { SessionTimeout } from "@/components/auth/session-timeout";
import { StaffShell } from "@/components/layout/staff-shell";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";
import { ClientMessages } from "@/lib/i18n/client-messages";

export function StaffFrame({
  currentPath,
  staffName,
  isAdmin,
  sessionSecondsLeft,
  warningSeconds,
  children,
}: {
  currentPath: string;
  staffName: string;
  isAdmin?: boolean;
  sessionSecondsLeft: number;
  warningSeconds: number;
  children: ReactNode;
}) {
  return (
    <StaffShell
      currentPath={currentPath}
      staffName={staffName}
      isAdmin={isAdmin}
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
      {/* Its words are the applicants' common.sessionTimeout; staff pages render them in Japanese. */}
      <ClientMessages paths={["common.sessionTimeout"]}>
        <SessionTimeout remainingSeconds={sessionSecondsLeft} warningSeconds={warningSeconds} area="staff" />
      </ClientMessages>
    </StaffShell>
  );
}
