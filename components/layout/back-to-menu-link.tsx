// 「メニューへ戻る」 at the foot of an applicant page.
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { withRuby } from "@/lib/i18n/ruby";

export function BackToMenuLink() {
  const t = useTranslations("common.site");
  return (
    <p>
      <ButtonLink href="/menu" variant="secondary">
        {withRuby(t("backToMenu"))}
      </ButtonLink>
    </p>
  );
}
