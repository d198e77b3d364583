// A bordered notice box; the tone is also written as text so it does not rely on colour alone.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

export type NoticeTone = "info" | "success" | "warning" | "error";

export type NoticeProps = {
  tone: NoticeTone;
  title?: string;
  children: ReactNode;
  role?: "status" | "alert";
  headingLevel?: 2 | 3;
};

export function Notice({ tone, title, children, role, headingLevel = 2 }: NoticeProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const t = useTranslations("common.form.tone");
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <p className="notice__label">{withRuby(t(tone))}</p>
      {title ? <Heading className="notice__title">{withRuby(title)}</Heading> : null}
      <div className="notice__body">{children}</div>
    </div>
  );
}
