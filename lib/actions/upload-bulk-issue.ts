"use server";
// 申請用ログインID一括発行: reads the uploaded CSV, stores it as a job for the worker, and opens the
// job's progress page. Problems with the whole file come back to the form; row problems are the
// job's result.
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { createBulkIssueJob } from "@/lib/bulk-issue/create-job";
import { readBulkIssueCsv } from "@/lib/bulk-issue/read-csv";
import { CSV_FILE_FIELD, CSV_MESSAGES, pickedCsvError } from "@/lib/bulk-issue/upload-rules";
import { errorState, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

const fileError = (message: string) => errorState({ fieldErrors: { [CSV_FILE_FIELD]: [message] } });

export async function uploadBulkIssueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("uploadBulkIssueAction");
  const { staff } = await requireStaff();
  const file = formData.get(CSV_FILE_FIELD);
  // An input left empty still sends a nameless, empty file.
  if (!(file instanceof File) || (file.size === 0 && file.name === ""))
    return fileError(CSV_MESSAGES.required);
  if (file.size === 0) return fileError(CSV_MESSAGES.empty);
  const sizeError = pickedCsvError(file);
  if (sizeError) return fileError(sizeError);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = readBulkIssueCsv(bytes);
  if (!read.ok) return fileError(read.error);

  const job = await createBulkIssueJob({
    staffId: staff.id,
    fileName: file.name,
    bytes,
    encoding: read.encoding,
    rows: read.rows,
    ip: (await getRequestContext()).ip,
  });
  redirect(`/staff/applicants/bulk/${job.id}`);
}
