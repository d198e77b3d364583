"use client";
// The form pattern (docs/architecture.md): a form posts to its server action with React's form
// actions, with or without JavaScript. With JavaScript the same zod schema as the action's checks
// the answers first, but the schema (and zod with it) is loaded only once the user starts on the
// form, so neither is in the page's first-load JavaScript (issue 14). The fields are uncontrolled:
// the browser holds what is typed; this hook reads it from the form when it needs it.
import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import type { z } from "zod";
import type { ErrorSummaryItem } from "@/components/form/error-summary";
import { fieldErrorsOf, formDataToStrings, initialFormState, type FormState } from "@/lib/actions/form-state";
import { useMessageText } from "@/lib/i18n/use-message-text";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** What the browser check needs of a schema (any zod schema has it). */
export type ClientSchema = Pick<z.ZodType, "safeParseAsync">;

export interface ServerFormOptions<TField extends string> {
  action: Action;
  /** The fields in the order of the page (the error summary's order). */
  fields: readonly TField[];
  /** The values to show before anything was sent (the saved answers). */
  defaultValues?: Readonly<Record<string, string | undefined>>;
  /**
   * The action's schema, loaded on the form's first focus or input, e.g.
   * `() => import("@/lib/schemas/login").then((m) => m.applicantLoginSchema)`. Without it (or when
   * it cannot be loaded) the form posts unchecked and the server's messages are shown.
   */
  loadSchema?: () => Promise<ClientSchema>;
  /** What the schema checks; formDataToStrings(formData, fields) (what the action parses) unless given. */
  toInput?: (formData: FormData) => unknown;
  /** Runs just before the form is posted to the action. */
  beforePost?: () => void;
}

type Listener = (values: Record<string, string>) => void;

/** Sets a control of the form by name, as the user would (radios and checkboxes by their value). */
function writeControl(form: HTMLFormElement, name: string, value: string) {
  for (const element of Array.from(form.elements)) {
    if (!("name" in element) || element.name !== name) continue;
    if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
      element.checked = element.value === value;
    } else if (
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ) {
      if (element.type !== "file") element.value = value;
    }
  }
}

function readControl(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
}

export function useServerForm<TField extends string>(options: ServerFormOptions<TField>) {
  const { action, fields, defaultValues } = options;
  const [state, formAction, isPending] = useActionState(action, initialFormState);
  const text = useMessageText();
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [checkCount, setCheckCount] = useState(0);
  const [watched, setWatched] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement | null>(null);
  const watchedNames = useRef(new Set<string>());
  const listeners = useRef(new Set<Listener>());
  const isChecking = useRef(false);
  const latest = useRef(options);
  const schema = useRef<Promise<ClientSchema | null> | null>(null);
  useEffect(() => {
    latest.current = options;
  });

  /** The schema, loading it once; null when there is none or it could not be loaded (offline). */
  const loadSchema = useCallback((): Promise<ClientSchema | null> => {
    const load = latest.current.loadSchema;
    if (!load) return Promise.resolve(null);
    schema.current ??= load().catch(() => {
      schema.current = null; // try again next time
      return null;
    });
    return schema.current;
  }, []);

  const initialValue = (name: string): string | undefined => state.values?.[name] ?? defaultValues?.[name];

  const getValues = useCallback((): Record<string, string> => {
    const form = formRef.current;
    const names = latest.current.fields;
    if (form) return formDataToStrings(new FormData(form), names);
    const values: Record<string, string> = {};
    for (const name of names) values[name] = latest.current.defaultValues?.[name] ?? "";
    return values;
  }, []);

  /** Re-reads the watched fields from the form; renders again only when one changed. */
  const syncWatched = useCallback(() => {
    const form = formRef.current;
    if (!form || watchedNames.current.size === 0) return;
    setWatched((previous) => {
      let next = previous;
      for (const name of watchedNames.current) {
        const value = readControl(form, name);
        if (previous[name] !== value) next = { ...next, [name]: value };
      }
      return next;
    });
  }, []);

  const notify = useCallback(() => {
    syncWatched();
    if (listeners.current.size === 0) return;
    const values = getValues();
    for (const listener of listeners.current) listener(values);
  }, [getValues, syncWatched]);

  // After hydration (the browser may have restored other values) and after every answer.
  useEffect(syncWatched, [state, syncWatched]);

  /** Checks the form's current answers; shows and returns the browser's verdict (true: may post). */
  const check = useCallback(
    async (formData: FormData): Promise<boolean> => {
      const loaded = await loadSchema();
      if (!loaded) return true; // the server checks anyway
      const { toInput, fields: names } = latest.current;
      const result = await loaded.safeParseAsync(
        toInput ? toInput(formData) : formDataToStrings(formData, names),
      );
      setClientErrors(result.success ? null : fieldErrorsOf(result.error));
      setCheckCount((count) => count + 1);
      return result.success;
    },
    [loadSchema],
  );

  const post = useCallback(
    (formData: FormData) => {
      latest.current.beforePost?.();
      startTransition(() => formAction(formData));
    },
    [formAction],
  );

  /**
   * Checks, then posts to the action with the pressed button's name and value (e.g. intent=draft),
   * as without JavaScript. A button marked formNoValidate (一時保存) posts without the check.
   */
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    if (submitter?.hasAttribute("formnovalidate")) {
      setClientErrors(null);
      post(formData);
      return;
    }
    if (isChecking.current) return; // a second press while the schema loads
    isChecking.current = true;
    void check(formData)
      .then((isValid) => {
        if (isValid) post(formData);
      })
      .finally(() => {
        isChecking.current = false;
      });
  };

  /** The form's answers as the browser would post them. */
  const validate = useCallback(async (): Promise<boolean> => {
    const form = formRef.current;
    if (!form) return true;
    return check(new FormData(form));
  }, [check]);

  /** Puts a value into a field (as if typed) and tells the watchers. */
  const setValue = useCallback(
    (name: string, value: string) => {
      if (formRef.current) writeControl(formRef.current, name, value);
      notify();
    },
    [notify],
  );

  /** Puts several values at once (e.g. a copy restored from sessionStorage). */
  const setValues = useCallback(
    (values: Readonly<Record<string, string | undefined>>) => {
      const form = formRef.current;
      if (form) {
        for (const [name, value] of Object.entries(values)) writeControl(form, name, value ?? "");
      }
      notify();
    },
    [notify],
  );

  /** Calls the listener with every field's value after each change of the form; returns the unsubscribe. */
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  /** The field's current value; the component renders again when it changes. */
  const watch = (name: string): string | undefined => {
    watchedNames.current.add(name);
    return name in watched ? watched[name] : initialValue(name);
  };

  /** The name, and the value to render on the server, so a no-JavaScript post comes back as typed. */
  const field = (name: TField) => ({ name, defaultValue: initialValue(name) });

  /** The browser check's message for a field, if any (without the server's), in the page's language. */
  const clientErrorFor = (name: string): string | undefined => {
    const message = clientErrors?.[name]?.[0];
    return message === undefined ? undefined : text(message);
  };

  /** The message to show beside a field: the browser's check first, then the server's. */
  const errorFor = (name: string): string | undefined => {
    const message = clientErrors?.[name]?.[0] ?? state.fieldErrors?.[name]?.[0];
    return message === undefined ? undefined : text(message);
  };

  const summary: ErrorSummaryItem[] = fields.flatMap((name) => {
    const message = errorFor(name);
    return message ? [{ fieldId: name, message }] : [];
  });

  const startLoading = () => void loadSchema();

  return {
    field,
    // The form-level messages put into words here, like the fields' (lib/i18n/message-ref.ts).
    state: {
      ...state,
      formError: state.formError === undefined ? undefined : text(state.formError),
      formMessage: state.formMessage === undefined ? undefined : text(state.formMessage),
    },
    isPending,
    errorFor,
    clientErrorFor,
    summary,
    focusKey: `${checkCount}:${state.submittedAt ?? 0}`,
    watch,
    getValues,
    setValue,
    setValues,
    subscribe,
    validate,
    formProps: {
      ref: formRef,
      action: formAction,
      onSubmit,
      onFocus: startLoading,
      onChange: () => {
        startLoading();
        notify();
      },
      noValidate: true,
    },
  };
}

/** What useServerForm returns (e.g. for useDraftAutosave, which needs getValues/setValues/subscribe). */
export type ServerForm = ReturnType<typeof useServerForm>;
