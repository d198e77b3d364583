// The end of every 申請内容登録 page: the background-save status, 次へ and 一時保存.
import { Button } from "@/components/ui/button";

export function GroupFormActions({ status, isPending }: { status: string; isPending: boolean }) {
  return (
    <>
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
