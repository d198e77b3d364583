// A form-level message (e.g. login failed, password changed) shown above the form.
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

export type FormMessageTone = "error" | "success" | "info";

export type FormMessageProps = {
  message: string;
  tone: FormMessageTone;
};

export function FormMessage({ message, tone }: FormMessageProps) {
  const t = useTranslations("common.form.tone");
  return (
    <div className={`form-message form-message--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <p className="form-message__text">
        <span className="form-message__label">{withRuby(t(tone))}：</span>
        {withRuby(message)}
      </p>
    </div>
  );
}
