"use client";
// Nothing typed is lost: every change is mirrored at once in this tab's sessionStorage (a reload
// or a crash before the server save restores it), and saved to the server shortly after typing
// stops and when the page is hidden. The copy is dropped once the server has the same values.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ServerForm } from "@/components/form/use-server-form";
import { withoutRuby } from "@/lib/i18n/ruby";

/** What the autosave needs of a form: useServerForm's result, or a form of its own shape. */
export type AutosavedForm = Pick<ServerForm, "getValues" | "setValues" | "subscribe">;

const AUTOSAVE_DELAY_MS = 1500;

/**
 * The tab's copy: the form's answers by field name. A copy of another shape (one written before
 * the answers were kept as text, e.g. rows as an array) is skipped whole, never put back in part.
 */
function readMirror(key: string): Record<string, string> | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const values = (JSON.parse(raw) as { values?: unknown }).values;
    if (typeof values !== "object" || values === null) return null;
    const entries = Object.entries(values);
    return entries.every((entry): entry is [string, string] => typeof entry[1] === "string")
      ? Object.fromEntries(entries)
      : null;
  } catch {
    return null;
  }
}

function writeMirror(key: string, values: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), values }));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

/**
 * The form's text answers only: a picked image is sent with 次へ or 一時保存, never in the
 * background (it would upload megabytes on every keystroke pause).
 */
function withoutFiles(formData: FormData): FormData {
  const text = new FormData();
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string") text.append(name, value);
  }
  return text;
}

export function useDraftAutosave(options: {
  form: AutosavedForm;
  formId: string;
  /** Unique per applicant and page. */
  storageKey: string;
  /** The saved answers, under the tab's copy when it is put back (fields the copy lacks). */
  saved?: Readonly<Record<string, string>>;
  autosave: (formData: FormData) => Promise<string | null>;
}) {
  // The form's functions stay the same from render to render (the form object itself does not).
  const { getValues, setValues, subscribe } = options.form;
  const { formId, storageKey, autosave } = options;
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const t = useTranslations("fields");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const savedOnServer = useRef(options.saved);
  /** The background save on its way, if any: 次へ and 一時保存 wait for it (see forgetOnSubmit). */
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    const save = async (element: HTMLFormElement) => {
      const sent = JSON.stringify(getValues());
      const at = await autosave(withoutFiles(new FormData(element)));
      if (at && sent === JSON.stringify(getValues())) sessionStorage.removeItem(storageKey);
      if (at) setSavedAt(new Date(at).toLocaleTimeString("ja-JP", { hour: "2-digit", minute: "2-digit" }));
    };
    const saveNow = async () => {
      timer.current = undefined;
      const element = document.getElementById(formId);
      if (!(element instanceof HTMLFormElement)) return;
      const run = save(element).catch(() => undefined);
      inFlight.current = run;
      await run;
      if (inFlight.current === run) inFlight.current = null;
    };
    const schedule = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    };
    const unsubscribe = subscribe((values) => {
      writeMirror(storageKey, values);
      schedule();
    });
    const mirrored = readMirror(storageKey);
    if (mirrored) {
      setValues({ ...savedOnServer.current, ...mirrored });
      schedule();
    }
    const onHide = () => {
      if (document.visibilityState === "hidden" && timer.current) void saveNow();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [getValues, setValues, subscribe, formId, storageKey, autosave]);

  /**
   * Wrap the form's onSubmit: a sent form (次へ, 一時保存) no longer needs the tab's copy, and no
   * background save may run beside it — one still on its way is waited for (the form is sent
   * again once it has answered), and one still to come is dropped. Otherwise an older background
   * save could land after 次へ and undo it.
   */
  const forgetOnSubmit =
    (onSubmit: (event: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const pending = inFlight.current;
      if (pending) {
        event.preventDefault();
        const element = event.currentTarget;
        void pending.then(() => {
          inFlight.current = null;
          element.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : undefined);
        });
        return;
      }
      if (submitter?.getAttribute("name") === "intent") sessionStorage.removeItem(storageKey);
      onSubmit(event);
    };

  // fields.autosaved: in the page's language (fields is always sent to the browser).
  // Without readings: a status line (role="status") read out as it changes.
  const status = savedAt ? withoutRuby(t("autosaved", { time: savedAt })) : "";
  return { status, forgetOnSubmit };
}
