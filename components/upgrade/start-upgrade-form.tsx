"use client";
// 移行を始める: one press opens the 詳細型 pages (a second press finds them open already).
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { Button } from "@/components/ui/button";
import { startUpgradeAction } from "@/lib/actions/start-upgrade";

export function StartUpgradeForm() {
  const [state, formAction, isPending] = useActionState(startUpgradeAction, { status: "idle" });
  return (
    <form action={formAction} className="form">
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          移行を始める
        </Button>
      </div>
    </form>
  );
}
