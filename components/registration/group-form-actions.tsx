"use client";
// The end of every 申請内容登録 page: the background-save status, 次へ and 一時保存. A page opened
// from the check page's 変更 link (or 20_申請の修正) carries that along, so 次へ returns there.
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { RETURN_PARAM, returnTargetOf } from "@/lib/registration/return-to";

export function GroupFormActions({ status, isPending }: { status: string; isPending: boolean }) {
  const returnTo = returnTargetOf(useSearchParams().get(RETURN_PARAM));
  return (
    <>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <p role="status" className="field__hint autosave-status">
        {status}
      </p>
      <div className="form__actions">
        <Button type="submit" name="intent" value="next" disabled={isPending}>
          次へ
        </Button>
        <Button
          type="submit"
          name="intent"
          value="draft"
          variant="secondary"
          formNoValidate
          disabled={isPending}
        >
          一時保存
        </Button>
      </div>
    </>
  );
}
