// The account actions on 申請者の詳細, each its own plain form posting to a server action (works
// without JavaScript). The two that cannot be undone ask for a ticked confirmation first; the
// action checks it again and answers with an error when it is missing.
import { FieldMessages } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { disableApplicantAction } from "@/lib/actions/disable-applicant";
import { enableApplicantAction } from "@/lib/actions/enable-applicant";
import { reissueApplicantPasswordAction } from "@/lib/actions/reissue-applicant-password";
import { unlockApplicantAction } from "@/lib/actions/unlock-applicant";
import { DISABLE_CONFIRM_LABEL, REISSUE_CONFIRM_LABEL } from "@/lib/staff/applicant-account-messages";

export const REISSUE_CONFIRM_ID = "reissue-confirm";
export const DISABLE_CONFIRM_ID = "disable-confirm";

/** A ticked 「…ことを確認しました」 before a change that cannot be undone (posted as confirm=yes). */
export function ConfirmCheckbox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <FieldMessages id={id} error={error} />
      <div className="checkbox">
        <input
          id={id}
          name="confirm"
          type="checkbox"
          value="yes"
          className="checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id} className="checkbox__label">
          {label}
        </label>
      </div>
    </div>
  );
}

export function UnlockForm({
  applicantId,
  lockedUntilText,
}: {
  applicantId: string;
  lockedUntilText: string;
}) {
  return (
    <form action={unlockApplicantAction} className="form account-action">
      <input type="hidden" name="applicantId" value={applicantId} />
      <p>
        パスワードを続けて間違えたため、{lockedUntilText}
        までロックされています。本人確認ができたら、ロックを解除できます。
      </p>
      <div className="form__actions">
        <Button type="submit">ロックを解除する</Button>
      </div>
    </form>
  );
}

export function ReissueForm({ applicantId, confirmError }: { applicantId: string; confirmError?: string }) {
  return (
    <form action={reissueApplicantPasswordAction} className="form account-action">
      <input type="hidden" name="applicantId" value={applicantId} />
      <p>
        新しい申請用パスワードを作り、登録されたメールアドレスに送ります。今のパスワード（以前に送った申請用パスワードを含む）は使えなくなり、ログイン中の画面はすべてログアウトします。申請者は、新しい申請用パスワードでログインしてから、パスワードを変更します。
      </p>
      <ConfirmCheckbox id={REISSUE_CONFIRM_ID} label={REISSUE_CONFIRM_LABEL} error={confirmError} />
      <div className="form__actions">
        <Button type="submit">パスワードを再発行する</Button>
      </div>
    </form>
  );
}

export function DisableForm({ applicantId, confirmError }: { applicantId: string; confirmError?: string }) {
  return (
    <form action={disableApplicantAction} className="form account-action">
      <input type="hidden" name="applicantId" value={applicantId} />
      <p>
        利用を停止すると、この申請者はログインできなくなり、ログイン中の画面はすべてログアウトします。「パスワードを忘れた場合」からの再発行もできなくなります。申請の内容は消えません。
      </p>
      <ConfirmCheckbox id={DISABLE_CONFIRM_ID} label={DISABLE_CONFIRM_LABEL} error={confirmError} />
      <div className="form__actions">
        <Button type="submit" variant="danger">
          利用を停止する
        </Button>
      </div>
    </form>
  );
}

export function EnableForm({ applicantId }: { applicantId: string }) {
  return (
    <form action={enableApplicantAction} className="form account-action">
      <input type="hidden" name="applicantId" value={applicantId} />
      <p>利用停止を解除すると、申請者は今のパスワードで、またログインできます。</p>
      <div className="form__actions">
        <Button type="submit">利用停止を解除する</Button>
      </div>
    </form>
  );
}
