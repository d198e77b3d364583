// The result of a bulk issuance job as a CSV download (UTF-8 with BOM, for Excel), streamed a page
// of rows at a time. Staff only: anyone else (and an unknown job) gets the same 404.
import { getCurrentStaff } from "@/lib/dal/session";
import { findBulkIssueJob, readResultRows } from "@/lib/bulk-issue/find-jobs";
import {
  RESULT_CSV_PAGE_SIZE,
  resultCsvContentDisposition,
  streamResultCsv,
} from "@/lib/bulk-issue/result-csv";

const privateHeaders = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(
  _request: Request,
  { params }: RouteContext<"/staff/applicants/bulk/[jobId]/result">,
) {
  const current = await getCurrentStaff();
  const { jobId } = await params;
  const job = current && !current.staff.mustChangePassword ? await findBulkIssueJob(jobId) : null;
  if (!job) {
    return new Response("Not Found", {
      status: 404,
      headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const stream = streamResultCsv((afterLine) => readResultRows(job.id, afterLine, RESULT_CSV_PAGE_SIZE));
  return new Response(stream, {
    headers: {
      ...privateHeaders,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": resultCsvContentDisposition(job.fileName),
    },
  });
}
