// DADS-style buttons: a real <button> and a Next <Link> that looks like one.
import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

function buttonClassName(variant: ButtonVariant, extra: string | undefined): string {
  return ["button", `button--${variant}`, extra].filter(Boolean).join(" ");
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
};

/** A native button. `type` keeps the native default (submit inside a form): set it explicitly. */
export function Button({ variant = "primary", className, ...buttonProps }: ButtonProps) {
  return <button {...buttonProps} className={buttonClassName(variant, className)} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & {
  variant?: ButtonVariant;
};

/** Navigation that looks like a button (e.g. 「次へ」 to another page); it is still a link to AT. */
export function ButtonLink({ variant = "primary", className, ...linkProps }: ButtonLinkProps) {
  return <Link {...linkProps} className={buttonClassName(variant, className)} />;
}
