// The shape every form action returns to its page: field errors, a form-level message, and the
// (non-secret) values to put back in the form when JavaScript is off.
import type { z } from "zod";

export interface FormState {
  status: "idle" | "error" | "success";
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  formMessage?: string;
  values?: Record<string, string>;
  /** Changes on every answer, so the page can re-focus the error summary. */
  submittedAt?: number;
}

export const initialFormState: FormState = { status: "idle" };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function formDataToStrings(formData: FormData, keys: readonly string[]) {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = formData.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  return values;
}

export function errorState(partial: Omit<FormState, "status" | "submittedAt">): FormState {
  return { status: "error", submittedAt: Date.now(), ...partial };
}
