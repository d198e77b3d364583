// Reads the fields a test needs out of a portal email (issue 10, GET /__test__/mail/wait):
// 申請ログインID, 申請用パスワード (or a staff 仮パスワード), 申請用ログインURL (or 職員用ログインURL),
// 申請番号, 技能者ID, the 不備 items and, of a コンビニ払い / 払込票 email, the number to pay with
// (受付番号 / 払込票番号 / オンライン決済番号) and its 確認番号. The templates in emails/ render each field as its 【label】
// on one line and the value on the next (emails/render.ts), and each 不備 as
// "【不備 N】<group> — <reason>" followed by "コメント：<comment>" and its further lines.
// Works from the text part; from the HTML part when there is no text.

export interface ReturnedItemField {
  group: string;
  reason: string;
  comment: string;
}

export interface MailFields {
  loginId: string | null;
  temporaryPassword: string | null;
  loginUrl: string | null;
  applicationNumber: string | null;
  technicianId: string | null;
  returnedItems: ReturnedItemField[];
  /** コンビニ払い / 払込票: what the payer enters at the store (the sandbox's /sandbox/store too). */
  paymentNumber: string | null;
  confirmationNumber: string | null;
}

const HTML_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  nbsp: " ",
};

/** The HTML part as text lines: one per paragraph line, label (dt) and value (dd). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>\n?/gi, "\n")
    .replace(/<\/(p|dt|dd|div|h\d|li|tr)>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => HTML_ENTITIES[name] ?? "")
    .replace(/\n{3,}/g, "\n\n");
}

const LABEL = /^【([^】]+)】\s*(.*)$/;

/** Every 【label】 with the first non-empty line after it (or the rest of its own line). */
function labelledValues(lines: string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  lines.forEach((line, index) => {
    const match = LABEL.exec(line.trim());
    if (!match) return;
    const label = (match[1] ?? "").trim();
    let value = (match[2] ?? "").trim();
    if (value === "") {
      const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== "");
      value = next && !LABEL.test(next.trim()) ? next.trim() : "";
    }
    if (value === "") return;
    const list = values.get(label) ?? [];
    list.push(value);
    values.set(label, list);
  });
  return values;
}

const RETURNED_ITEM = /^【不備\s*\d+】\s*(.+?)\s+[—―-]\s+(.+)$/;
const COMMENT = /^コメント[：:]\s?(.*)$/;

function returnedItems(lines: string[]): ReturnedItemField[] {
  const items: ReturnedItemField[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = RETURNED_ITEM.exec((lines[index] ?? "").trim());
    if (!match) continue;
    const comment: string[] = [];
    const first = COMMENT.exec((lines[index + 1] ?? "").trim());
    if (first) {
      comment.push(first[1] ?? "");
      // The comment's further lines run to the blank line that ends the block.
      for (let next = index + 2; next < lines.length && (lines[next] ?? "").trim() !== ""; next += 1) {
        comment.push((lines[next] ?? "").trimEnd());
      }
    }
    items.push({
      group: (match[1] ?? "").trim(),
      reason: (match[2] ?? "").trim(),
      comment: comment.join("\n").trim(),
    });
  }
  return items;
}

export function parseMailFields(email: { text?: string | null; html?: string | null }): MailFields {
  const source = email.text && email.text.trim() !== "" ? email.text : htmlToText(email.html ?? "");
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const values = labelledValues(lines);
  const first = (...labels: string[]) => {
    for (const label of labels) {
      const value = values.get(label)?.[0];
      if (value) return value;
    }
    return null;
  };
  return {
    loginId: first("申請ログインID"),
    temporaryPassword: first("申請用パスワード", "仮パスワード"),
    loginUrl: first("申請用ログインURL", "職員用ログインURL"),
    applicationNumber: first("申請番号"),
    technicianId: first("技能者ID"),
    returnedItems: returnedItems(lines),
    paymentNumber: first("受付番号", "払込票番号", "オンライン決済番号"),
    confirmationNumber: first("確認番号"),
  };
}
