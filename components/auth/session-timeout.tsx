"use client";
// Idle-timeout warning (WCAG 2.2.1): a modal dialog before the session ends, with a way to extend
// it. When time runs out the page logs out and says why on the login page.
// Words from common.sessionTimeout (issue 15): the frames pass it to ClientMessages.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";
import { extendSessionAction } from "@/lib/actions/extend-session";
import { logoutAction } from "@/lib/actions/logout";

/** Sends the 今すぐログアウトする form by itself with reason=idle (the login page then says why). */
function logOutIdle(form: HTMLFormElement | null) {
  const reason = form?.elements.namedItem("reason");
  if (reason instanceof HTMLInputElement) reason.value = "idle";
  form?.requestSubmit();
}

/**
 * `remainingSeconds` comes from the server at render time; the deadline is counted on this
 * device's clock from that moment, so a wrong device clock does not matter.
 */
export function SessionTimeout({
  remainingSeconds,
  warningSeconds,
  area,
}: {
  remainingSeconds: number;
  warningSeconds: number;
  area: "applicant" | "staff";
}) {
  const t = useTranslations("common.sessionTimeout");
  const deadlineRef = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const logoutFormRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // A new render from the server (navigation) restarts the count from its answer.
    deadlineRef.current = Date.now() + remainingSeconds * 1000;
    const tick = () => {
      const left = Math.ceil((deadlineRef.current - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(timer);
        logOutIdle(logoutFormRef.current);
        return;
      }
      if (left <= warningSeconds) {
        setSecondsLeft(left);
        if (!dialogRef.current?.open) dialogRef.current?.showModal();
      } else {
        setSecondsLeft(null);
        if (dialogRef.current?.open) dialogRef.current.close();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [remainingSeconds, warningSeconds]);

  async function extend() {
    const next = await extendSessionAction();
    if (next === null) {
      logOutIdle(logoutFormRef.current);
      return;
    }
    deadlineRef.current = Date.now() + next * 1000;
    setSecondsLeft(null);
    dialogRef.current?.close();
  }

  const minutes = secondsLeft === null ? 0 : Math.floor(secondsLeft / 60);
  const seconds = secondsLeft === null ? 0 : secondsLeft % 60;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-text"
    >
      <h2 id="session-timeout-title" className="dialog__title">
        {withRuby(t("title"))}
      </h2>
      <p id="session-timeout-text">
        {withRuby(t("before"))}
        <strong>{withRuby(t("time", { minutes, seconds }))}</strong>
        {withRuby(t("after"))}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => void extend()} autoFocus>
          {withRuby(t("extend"))}
        </button>
        {/* Also sent by the timer when the time is up, with reason=idle: one form, with its submit
            button (a form without one fails WCAG 3.2.2, H32.2). */}
        <form ref={logoutFormRef} action={logoutAction}>
          <input type="hidden" name="area" value={area} />
          <input type="hidden" name="reason" defaultValue="" />
          <button type="submit" className="button button--secondary">
            {withRuby(t("logoutNow"))}
          </button>
        </form>
      </div>
    </dialog>
  );
}
