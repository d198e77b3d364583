// システム定期メンテナンスのお知らせ on the applicant login page, worded from the configured windows.
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { describeMaintenanceWindows, parseMaintenanceWindows } from "@/lib/maintenance";

export function MaintenanceNotice() {
  const t = useTranslations("auth.maintenance");
  const description = describeMaintenanceWindows(parseMaintenanceWindows(getEnv().MAINTENANCE_WINDOWS));
  if (!description) return null;
  return (
    <Notice tone="info" title={t("title")}>
      <p>{t("body")}</p>
      <p className="notice__emphasis" lang="ja">
        {description}
      </p>
    </Notice>
  );
}
