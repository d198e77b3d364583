"use client";
// 「入力中のパスワードを表示する」→ named so it does not contain a field label. Hidden until
// JavaScript runs, since it works only with it; unchecked again on submit.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

const subscribeToNothing = () => () => {};

export function RevealPasswordsCheckbox({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations("common.form");
  const inputRef = useRef<HTMLInputElement>(null);
  const isHydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const hide = () => onChange(false);
    form.addEventListener("submit", hide);
    return () => form.removeEventListener("submit", hide);
  }, [onChange]);

  return (
    <div className="checkbox" hidden={!isHydrated}>
      <input
        ref={inputRef}
        id="reveal-passwords"
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor="reveal-passwords" className="checkbox__label">
        {withRuby(t("revealPasswords"))}
      </label>
    </div>
  );
}
