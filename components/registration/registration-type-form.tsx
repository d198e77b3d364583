// 登録方式の選択 with its words (messages/<language>/registration.json, issue 15): the client form
// gets the registration namespace's type messages, whichever page shows it.
import { RegistrationTypeChoice } from "@/components/registration/registration-type-choice";
import { ClientMessages } from "@/lib/i18n/client-messages";

export function RegistrationTypeForm({
  current,
}: {
  current: "SIMPLE" | "DETAILED" | null;
  /** Not read: the form writes the fees (lib/fees) in the page's language. */
  fees?: { simple: string; detailed: string };
}) {
  return (
    <ClientMessages paths={["registration.type"]}>
      <RegistrationTypeChoice current={current} />
    </ClientMessages>
  );
}
