// Everything around a signed-in applicant's page: the shell, ログアウト and the idle warning.
import type { ReactNode } from "react";
import { SessionTimeout } from "@/components/auth/session-timeout";
import { ApplicantShell } from "@/components/layout/applicant-shell";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";

export function ApplicantFrame({
  currentPath,
  applicantName,
  sessionSecondsLeft,
  warningSeconds,
  unreadNotices,
  children,
}: {
  currentPath: string;
  applicantName: string;
  sessionSecondsLeft: number;
  warningSeconds: number;
  unreadNotices?: number;
  children: ReactNode;
}) {
  return (
    <ApplicantShell
      currentPath={currentPath}
      unreadNotices={unreadNotices}
      headerActions={
        <form action={logoutAction} className="header-actions">
          <span className="header-actions__name">{applicantName} さま</span>
          <Button type="submit" variant="secondary">
            ログアウト
          </Button>
        </form>
      }
    >
      {children}
      <SessionTimeout
        remainingSeconds={sessionSecondsLeft}
        warningSeconds={warningSeconds}
        area="applicant"
      />
    </ApplicantShell>
  );
}
