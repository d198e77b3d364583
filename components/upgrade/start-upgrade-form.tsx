"use client";
// 移行を始める: one press opens the 詳細型 pages (a second press finds them open already).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { Button } from "@/components/ui/button";
import { startUpgradeAction } from "@/lib/actions/start-upgrade";
import { withRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";

export function StartUpgradeForm() {
  const t = useTranslations("payment.upgrade");
  const text = useMessageText();
  const [state, formAction, isPending] = useActionState(startUpgradeAction, { status: "idle" });
  return (
    <form action={formAction} className="form">
      {state.formError ? <FormMessage tone="error" message={text(state.formError)} /> : null}
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("start"))}
        </Button>
      </div>
    </form>
  );
}
