// The DADS 「※必須」/「※任意」 marker shown beside a field label.
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

export type RequiredBadgeProps = { required: boolean };

export function RequiredBadge({ required }: RequiredBadgeProps) {
  const t = useTranslations("common.form");
  return required ? (
    <span className="badge badge--required">{withRuby(t("required"))}</span>
  ) : (
    <span className="badge badge--optional">{withRuby(t("optional"))}</span>
  );
}
