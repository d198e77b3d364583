// A bordered notice box; the tone is also written as text so it does not rely on colour alone.
import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning" | "error";

const toneLabels: Record<NoticeTone, string> = {
  info: "お知らせ",
  success: "完了",
  warning: "注意",
  error: "エラー",
};

export type NoticeProps = {
  tone: NoticeTone;
  title?: string;
  children: ReactNode;
  role?: "status" | "alert";
  headingLevel?: 2 | 3;
};

export function Notice({ tone, title, children, role, headingLevel = 2 }: NoticeProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <p className="notice__label">{toneLabels[tone]}</p>
      {title ? <Heading className="notice__title">{title}</Heading> : null}
      <div className="notice__body">{children}</div>
    </div>
  );
}
