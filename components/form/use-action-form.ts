"use client";
// The staff pages' forms (docs/architecture.md, "The form pattern"): react-hook-form validates with the
// same zod schema as the server action; the form still posts to the action without JavaScript. Errors
// from both sides meet here. Applicant forms use use-server-form.ts (no form library, zod loaded lazily).
import { startTransition, useActionState, type FormEvent } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import type { ErrorSummaryItem } from "@/components/form/error-summary";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The form's onSubmit: checks with the form's resolver, then posts to the action with the pressed
 * button's name and value (e.g. intent=draft), as without JavaScript. A button marked
 * formNoValidate (一時保存) posts without the browser-side check. `beforePost` runs just before.
 */
export function submitToAction<TIn extends FieldValues, TOut extends FieldValues>(
  form: UseFormReturn<TIn, unknown, TOut>,
  formAction: (formData: FormData) => void,
  beforePost?: () => void,
) {
  const post = (target: HTMLFormElement, submitter: HTMLElement | null) => {
    beforePost?.();
    const formData = new FormData(target, submitter);
    startTransition(() => formAction(formData));
  };

  const validateThenPost = form.handleSubmit((_values, event) => {
    const target = event?.target;
    if (!(target instanceof HTMLFormElement)) return;
    post(target, (event?.nativeEvent as SubmitEvent | undefined)?.submitter ?? null);
  });

  return (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.hasAttribute("formnovalidate")) {
      event.preventDefault();
      form.clearErrors();
      post(event.currentTarget, submitter);
      return;
    }
    void validateThenPost(event);
  };
}

export function useActionForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: TSchema;
  action: Action;
  fields: readonly (keyof z.input<TSchema> & string)[];
  defaultValues?: DefaultValues<z.input<TSchema>>;
}) {
  const [state, formAction, isPending] = useActionState(options.action, { status: "idle" });
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: zodResolver(options.schema),
    defaultValues: { ...options.defaultValues, ...state.values } as DefaultValues<z.input<TSchema>>,
    // Messages change only when the form is sent: re-checking on blur would remove the error
    // summary under the pointer while the user presses the button, and the press would miss.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });

  /**
   * register() plus the value to render on the server, so that a form posted without
   * JavaScript comes back with what the user typed.
   */
  const field = (name: Path<z.input<TSchema>>) => ({
    ...form.register(name),
    defaultValue:
      state.values?.[name] ?? (options.defaultValues as Record<string, string> | undefined)?.[name],
  });

  const onSubmit = submitToAction(form, formAction);

  /** The message to show beside a field: the browser's check first, then the server's. */
  const errorFor = (name: string): string | undefined => {
    const clientError = form.formState.errors[name]?.message;
    if (typeof clientError === "string") return clientError;
    return state.fieldErrors?.[name]?.[0];
  };

  const summary: ErrorSummaryItem[] = options.fields.flatMap((name) => {
    const message = errorFor(name);
    return message ? [{ fieldId: name, message }] : [];
  });

  return {
    form,
    field,
    state,
    isPending,
    errorFor,
    summary,
    focusKey: `${form.formState.submitCount}:${state.submittedAt ?? 0}`,
    formProps: { action: formAction, onSubmit, noValidate: true },
  };
}
