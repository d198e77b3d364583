// 「メニューへ戻る」 at the foot of an applicant page.
import { ButtonLink } from "@/components/ui/button";

export function BackToMenuLink() {
  return (
    <p>
      <ButtonLink href="/menu" variant="secondary">
        メニューへ戻る
      </ButtonLink>
    </p>
  );
}
