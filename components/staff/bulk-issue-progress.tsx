"use client";
// The progress of a bulk issuance job: status, a <progress> bar of the rows done, and the counts.
// While the job runs it asks the status route every 1.5 s; when the job ends it says so once in a
// status region and reloads the page's server part (the result table and the download link).
// Without JavaScript, 「最新の状態に更新」 reloads the page.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { SummaryList, SummaryRow } from "@/components/ui/summary-list";
import type { BulkIssueProgress } from "@/lib/bulk-issue/find-jobs";
import { progressText } from "@/lib/bulk-issue/upload-rules";

const POLL_INTERVAL_MS = 1_500;
const count = (value: number) => `${value.toLocaleString("ja-JP")}件`;

function completionMessage(progress: BulkIssueProgress): string {
  if (progress.status === "FAILED") return "一括発行が途中で止まりました。";
  return `一括発行が完了しました。発行 ${count(progress.issuedCount)}、不正 ${count(progress.invalidCount)}、重複 ${count(progress.duplicateCount)}です。`;
}

export function BulkIssueProgressView({ jobId, initial }: { jobId: string; initial: BulkIssueProgress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const isRunning = progress.isRunning;

  useEffect(() => {
    if (!isRunning) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/staff/applicants/bulk/${jobId}/status`, { cache: "no-store" });
        if (cancelled) return;
        // Signed out (404, or the login page after a redirect): stop; the page says the rest.
        if (response.status === 404 || response.redirected) return;
        if (response.ok) {
          const next = (await response.json()) as BulkIssueProgress;
          if (cancelled) return;
          setProgress(next);
          if (!next.isRunning) {
            setAnnouncement(completionMessage(next));
            router.refresh();
            return;
          }
        }
      } catch {
        // A dropped request: the next tick tries again.
      }
      if (!cancelled) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [isRunning, jobId, router]);

  const percent =
    progress.totalRows > 0 ? Math.floor((progress.processedRows / progress.totalRows) * 100) : 100;
  return (
    <div className="bulk-issue-progress">
      <SummaryList>
        <SummaryRow term="状態">{progress.statusLabel}</SummaryRow>
      </SummaryList>
      <div className="bulk-issue-progress__bar">
        <label className="field__label" htmlFor="bulk-issue-progress">
          処理済みの行
        </label>
        <progress
          id="bulk-issue-progress"
          className="bulk-issue-progress__meter"
          value={progress.processedRows}
          max={Math.max(progress.totalRows, 1)}
          aria-describedby="bulk-issue-progress-text"
        >
          {percent}%
        </progress>
        <p id="bulk-issue-progress-text" className="bulk-issue-progress__text">
          {progressText(progress.processedRows, progress.totalRows)}
        </p>
      </div>
      <SummaryList className="bulk-issue-progress__counts">
        <SummaryRow term="発行">{count(progress.issuedCount)}</SummaryRow>
        <SummaryRow term="不正">{count(progress.invalidCount)}</SummaryRow>
        <SummaryRow term="重複">{count(progress.duplicateCount)}</SummaryRow>
      </SummaryList>
      {isRunning ? (
        <p>
          {/* A plain link: it reloads the whole page, which is all a browser without JavaScript can do. */}
          <a href={`/staff/applicants/bulk/${jobId}`}>最新の状態に更新</a>
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
