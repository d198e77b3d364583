// The staff search boxes (申請者一覧, 申請一覧, メール送信状況, 操作ログ) read codes and addresses
// the one way: what a user types on a Japanese keyboard becomes what is stored.
import { halfWidthDigits } from "@/lib/schemas/normalize";

/**
 * A search text as codes (申請ログインID, 申請番号, ids) and e-mail addresses are stored: NFKC
 * (full-width letters, digits and ＠ become ASCII), hyphen-like characters (and ー after a digit)
 * become "-", white space runs (full-width too) become one space, trimmed. Names are not searched
 * with it: 氏名 is stored as written (NFC), so the list's q is compared with names as typed.
 */
export function normalizeSearchQuery(q: string): string {
  return halfWidthDigits(q.normalize("NFKC").replace(/\s+/g, " "));
}
