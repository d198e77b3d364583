// システム定期メンテナンスのお知らせ on the applicant login page, worded from the configured windows
// in the page's language (issue 15: the schedule's words are unavailable.schedule, which the
// maintenance page of proxy.ts shares).
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { withRuby } from "@/lib/i18n/ruby";
import {
  describeMaintenanceWindows,
  maintenanceWordingFrom,
  parseMaintenanceWindows,
} from "@/lib/maintenance";

export function MaintenanceNotice() {
  const t = useTranslations("auth.maintenance");
  const schedule = useTranslations("unavailable.schedule");
  const words = maintenanceWordingFrom((part, values) => schedule(part, values));
  const description = describeMaintenanceWindows(
    parseMaintenanceWindows(getEnv().MAINTENANCE_WINDOWS),
    words,
  );
  if (!description) return null;
  return (
    <Notice tone="info" title={t("title")}>
      <p>{withRuby(t("body"))}</p>
      <p className="notice__emphasis">{withRuby(description)}</p>
    </Notice>
  );
}
