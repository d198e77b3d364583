// The top of a form after it was sent: the error summary, then a form-level error or a success
// message from the server.
import { ErrorSummary, type ErrorSummaryItem } from "@/components/form/error-summary";
import { FormMessage } from "@/components/form/form-message";
import type { FormState } from "@/lib/actions/form-state";

export function FormFeedback({
  summary,
  focusKey,
  state,
}: {
  summary: ErrorSummaryItem[];
  focusKey: string | number | undefined;
  state: FormState;
}) {
  return (
    <>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      {state.formMessage ? <FormMessage tone="success" message={state.formMessage} /> : null}
    </>
  );
}
