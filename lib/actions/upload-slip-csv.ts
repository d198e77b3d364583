"use server";
// 払込票の発送 (staff): a CSV of 申請番号 marks each one's slip 発送済み; the page shows what
// happened to every row. Sending the same file again changes nothing (each row says 発送済みです).
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { errorState, type FormState } from "@/lib/actions/form-state";
import { markSlipsSentFromCsv, readSlipCsv, SLIP_CSV_MESSAGES } from "@/lib/payments/slips";
import { SLIP_CSV_FIELD, type SlipMarkResult } from "@/lib/payments/slip-rules";
import { applyActionFault } from "@/lib/test-kit/faults";

export type SlipCsvState = FormState & { results?: SlipMarkResult[] };

const fileError = (message: string): SlipCsvState =>
  errorState({ fieldErrors: { [SLIP_CSV_FIELD]: [message] } });

export async function uploadSlipCsvAction(
  _previous: SlipCsvState,
  formData: FormData,
): Promise<SlipCsvState> {
  await applyActionFault("uploadSlipCsvAction");
  const { staff } = await requireStaff();
  const file = formData.get(SLIP_CSV_FIELD);
  // An input left empty still sends a nameless, empty file.
  if (!(file instanceof File) || (file.size === 0 && file.name === ""))
    return fileError(SLIP_CSV_MESSAGES.required);
  if (file.size === 0) return fileError(SLIP_CSV_MESSAGES.empty);
  const read = readSlipCsv(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return fileError(read.error);
  const results = await markSlipsSentFromCsv(read.rows, {
    staffId: staff.id,
    ip: (await getRequestContext()).ip,
  });
  return { status: "success", submittedAt: Date.now(), results };
}
