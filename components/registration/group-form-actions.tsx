"use client";
// The end of every 申請内容登録 page: the background-save status, 次へ and 一時保存. A page opened
// from the check page's 変更 link carries that along, so 次へ returns to the check page.
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { RETURN_PARAM, RETURN_TO_CONFIRM } from "@/lib/registration/return-to";

export function GroupFormActions({ status, isPending }: { status: string; isPending: boolean }) {
  const returnsToConfirm = useSearchParams().get(RETURN_PARAM) === RETURN_TO_CONFIRM;
  return (
    <>
      {returnsToConfirm ? <input type="hidden" name="returnTo" value={RETURN_TO_CONFIRM} /> : null}
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
