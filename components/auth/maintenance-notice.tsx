// システム定期メンテナンスのお知らせ on the applicant login page, worded from the configured windows.
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { describeMaintenanceWindows, parseMaintenanceWindows } from "@/lib/maintenance";

export function MaintenanceNotice() {
  const description = describeMaintenanceWindows(parseMaintenanceWindows(getEnv().MAINTENANCE_WINDOWS));
  if (!description) return null;
  return (
    <Notice tone="info" title="システム定期メンテナンスのお知らせ">
      <p>毎週下記の時間は、システムを利用できませんのでご了承ください。</p>
      <p className="notice__emphasis">{description}</p>
    </Notice>
  );
}
