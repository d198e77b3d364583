"use client";
// 申請用ログインID一括発行: the CSV file and 「読み込んで発行する」. The browser checks only that a
// file is picked and its size; the server reads it (lib/bulk-issue/read-csv.ts). Without
// JavaScript the form posts to the same action and comes back with the same messages.
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { uploadBulkIssueAction } from "@/lib/actions/upload-bulk-issue";
import {
  CSV_ACCEPT,
  CSV_FILE_FIELD,
  CSV_MESSAGES,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  pickedCsvError,
} from "@/lib/bulk-issue/upload-rules";

/** The form has no text answers: the file is checked below. */
const noTextFields = z.object({});

const HINT = `1行目が「氏名」「メールアドレス」の見出しのCSVファイル（UTF-8 または Shift_JIS）。${MAX_CSV_BYTES / (1024 * 1024)}MB、${MAX_CSV_ROWS.toLocaleString("ja-JP")}行まで。`;

export function BulkIssueUploadForm() {
  const { isPending, errorFor, focusKey, formProps } = useActionForm({
    schema: noTextFields,
    action: uploadBulkIssueAction,
    fields: [],
  });
  const [browserError, setBrowserError] = useState<string>();
  const [refusedCount, setRefusedCount] = useState(0);
  const error = browserError ?? errorFor(CSV_FILE_FIELD);
  const summary = error ? [{ fieldId: CSV_FILE_FIELD, message: error }] : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const control = event.currentTarget.elements.namedItem(CSV_FILE_FIELD);
    const file = control instanceof HTMLInputElement ? control.files?.[0] : undefined;
    const found = file ? pickedCsvError(file) : CSV_MESSAGES.required;
    setBrowserError(found);
    if (!found) {
      formProps.onSubmit(event);
      return;
    }
    event.preventDefault();
    setRefusedCount((count) => count + 1);
  };

  return (
    <form {...formProps} onSubmit={onSubmit} className="form">
      <ErrorSummary errors={summary} focusKey={`${focusKey}:${refusedCount}`} />
      <FieldFrame id={CSV_FILE_FIELD} label="CSVファイル" required hint={HINT} error={error}>
        <input
          id={CSV_FILE_FIELD}
          name={CSV_FILE_FIELD}
          type="file"
          accept={CSV_ACCEPT}
          required
          disabled={isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(CSV_FILE_FIELD, HINT, error, undefined)}
          className={error ? "file-input file-input--error" : "file-input"}
        />
      </FieldFrame>
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          読み込んで発行する
        </Button>
      </div>
    </form>
  );
}
