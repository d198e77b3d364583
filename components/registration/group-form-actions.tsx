"use client";
// The end of every 申請内容登録 page: the background-save status, 次へ and 一時保存. A page opened
// from the check page's 変更 link (or 20_申請の修正) carries that along, so 次へ returns there.
// The buttons' words are content.formActions (messages/<language>/content.json): a page lists
// "content.formActions" in its ClientMessages. A page that does not yet shows the Japanese words.
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { withRuby } from "@/lib/i18n/ruby";
import { RETURN_PARAM, returnTargetOf } from "@/lib/registration/return-to";

const JAPANESE = { next: "次へ", draft: "一時保存" } as const;

export function GroupFormActions({ status, isPending }: { status: string; isPending: boolean }) {
  const returnTo = returnTargetOf(useSearchParams().get(RETURN_PARAM));
  const t = useTranslations("content.formActions");
  const word = (key: keyof typeof JAPANESE) => (t.has(key) ? withRuby(t(key)) : JAPANESE[key]);
  return (
    <>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <p role="status" className="field__hint autosave-status">
        {status}
      </p>
      <div className="form__actions">
        <Button type="submit" name="intent" value="next" disabled={isPending}>
          {word("next")}
        </Button>
        <Button
          type="submit"
          name="intent"
          value="draft"
          variant="secondary"
          formNoValidate
          disabled={isPending}
        >
          {word("draft")}
        </Button>
      </div>
    </>
  );
}
