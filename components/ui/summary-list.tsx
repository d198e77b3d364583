// A summary list (check answers, a record's details): one term and its value a row.
import type { ReactNode } from "react";
import { withRuby } from "@/lib/i18n/ruby";

export function SummaryList({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={className ? `summary-list ${className}` : "summary-list"}>{children}</dl>;
}

export function SummaryRow({
  term,
  valueClassName,
  children,
}: {
  /** Readings (《》, やさしい日本語) become <ruby>. */
  term: string;
  /** For a value that needs its own look (a login ID, an e-mail address). */
  valueClassName?: string;
  children?: ReactNode;
}) {
  return (
    <div className="summary-list__row">
      <dt>{withRuby(term)}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
