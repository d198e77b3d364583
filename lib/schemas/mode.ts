// The two schemas of a 申請内容登録 page, built from one definition: "submit" (次へ) checks every
// rule; "draft" (一時保存 and the background save) requires nothing, and checks what is filled in
// with the same normalisation and format rules (a real date, a listed choice, the length), leaving
// the content rules (a date in the past, an age) to 次へ. Browser-safe: no node-only imports.
import type { z } from "zod";
import { optionalField } from "@/lib/schemas/normalize";

export type Mode = "submit" | "draft";

/** A problem with one field, at the field's path in the form's values. */
export type FieldIssue = { path: PropertyKey[]; message: string };

/** A form field's schema: a string in, "" or a missing key meaning empty. */
export type FormFieldSchema = z.ZodType<unknown, string | null | undefined>;

/** `choices.submit` on 次へ, `choices.draft` in a draft, typed by the mode. */
export function byMode<M extends Mode, S, D>(
  mode: M,
  choices: { submit: S; draft: D },
): M extends "submit" ? S : D {
  return (mode === "submit" ? choices.submit : choices.draft) as M extends "submit" ? S : D;
}

/** Required on 次へ; in a draft it may be left empty, and what is filled in passes `schema`. */
export function requiredOnSubmit<M extends Mode, T extends FormFieldSchema>(mode: M, schema: T) {
  return byMode(mode, { submit: schema, draft: optionalField(schema) });
}

/**
 * A field parsed on its own (a field that applies only for some answer): its value, or undefined
 * with its problems added to `issues` at `path`.
 */
export function parseInto<T>(
  schema: z.ZodType<T>,
  value: unknown,
  path: readonly PropertyKey[],
  issues: FieldIssue[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ path: [...path, ...issue.path], message: issue.message });
  }
  return undefined;
}

/** Reports the problems found by a page's own checks as the object's issues. */
export function addFieldIssues(ctx: z.RefinementCtx, issues: readonly FieldIssue[]): void {
  for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
}
