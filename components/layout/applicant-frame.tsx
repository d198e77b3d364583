// Everything around a signed-in applicant's page: the shell, ログアウト and the idle warning.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SessionTimeout } from "@/components/auth/session-timeout";
import { ApplicantShell } from "@/components/layout/applicant-shell";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { withRuby } from "@/lib/i18n/ruby";

/** Japanese script in a name: kana or kanji. */
const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The registered name as it is written; a name in Japanese script is marked so (issue 15). */
function NameAsWritten({ name }: { name: string }) {
  return JAPANESE_SCRIPT.test(name) ? <span lang="ja">{name}</span> : <>{name}</>;
}

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
  const t = useTranslations("common");
  return (
    <ApplicantShell
      currentPath={currentPath}
      unreadNotices={unreadNotices}
      headerActions={
        <form action={logoutAction} className="header-actions">
          <span className="header-actions__name">
            {t.rich("frame.honorific", { name: () => <NameAsWritten name={applicantName} /> })}
          </span>
          <Button type="submit" variant="secondary">
            {withRuby(t("site.logout"))}
          </Button>
        </form>
      }
    >
      {children}
      <ClientMessages paths={["common.sessionTimeout"]}>
        <SessionTimeout
          remainingSeconds={sessionSecondsLeft}
          warningSeconds={warningSeconds}
          area="applicant"
        />
      </ClientMessages>
    </ApplicantShell>
  );
}
