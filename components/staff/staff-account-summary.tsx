// 職員アカウントの詳細's summary: who the account is, its role and state, and its history.
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import { formatJstDateTime } from "@/lib/format/date";
import { STAFF_ACCOUNT_STATE_LABELS, STAFF_ROLE_LABELS } from "@/lib/labels";
import { staffAccountState, type StaffAccountRow } from "@/lib/staff/list-staff-accounts";

export function StaffAccountSummary({
  account,
  isSelf,
  at,
}: {
  account: StaffAccountRow & { createdByName: string | null };
  isSelf: boolean;
  at: Date;
}) {
  const state = staffAccountState(account, at);
  const tempExpired =
    account.mustChangePassword &&
    account.tempPasswordExpiresAt !== null &&
    account.tempPasswordExpiresAt <= at;
  return (
    <SummaryList>
      <SummaryRow term="氏名">
        {account.name}
        {isSelf ? "（あなた）" : null}
      </SummaryRow>
      <SummaryRow term="メールアドレス">{account.email}</SummaryRow>
      <SummaryRow term="権限">{STAFF_ROLE_LABELS[account.role]}</SummaryRow>
      <SummaryRow term="状態">
        {STAFF_ACCOUNT_STATE_LABELS[state]}
        {state === "LOCKED" && account.lockedUntil
          ? `（${formatJstDateTime(account.lockedUntil)}まで）`
          : null}
      </SummaryRow>
      {account.mustChangePassword && account.tempPasswordExpiresAt ? (
        <SummaryRow term="仮パスワードの有効期限">
          {formatJstDateTime(account.tempPasswordExpiresAt)}
          {tempExpired ? "（期限切れ）" : null}
        </SummaryRow>
      ) : null}
      <SummaryRow term="作成日時">{formatJstDateTime(account.createdAt)}</SummaryRow>
      <SummaryRow term="作成者">
        {account.createdByName ?? "コマンドで作成（npm run staff:create）"}
      </SummaryRow>
      <SummaryRow term="パスワード変更日時">
        {account.passwordChangedAt ? formatJstDateTime(account.passwordChangedAt) : "なし"}
      </SummaryRow>
      {account.disabledAt ? (
        <SummaryRow term="利用停止日時">{formatJstDateTime(account.disabledAt)}</SummaryRow>
      ) : null}
    </SummaryList>
  );
}
