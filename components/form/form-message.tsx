// A form-level message (e.g. login failed, password changed) shown above the form.
export type FormMessageTone = "error" | "success" | "info";

const toneLabels: Record<FormMessageTone, string> = {
  error: "エラー",
  success: "完了",
  info: "お知らせ",
};

export type FormMessageProps = {
  message: string;
  tone: FormMessageTone;
};

export function FormMessage({ message, tone }: FormMessageProps) {
  return (
    <div className={`form-message form-message--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <p className="form-message__text">
        <span className="form-message__label">{toneLabels[tone]}：</span>
        {message}
      </p>
    </div>
  );
}
