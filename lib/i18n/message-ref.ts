// A message that crosses a boundary where no translator is at hand — a zod schema shared by the
// browser and the server, a server action's answer — travels as a reference to a catalogue key
// and its values, and is put into words where it is shown (useMessageText / getMessageText).
// Values that are references themselves (a field's label inside a message) are put into words too.
// A plain string (a staff form's Japanese message) is shown as it is.
import type { Messages } from "@/lib/i18n/messages";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key of the catalogue, "namespace.path.to.message". */
export type MessageKey = Leaves<Messages>;
export type MessageValues = Record<string, string | number>;

const PREFIX = "i18n:";
const SEPARATOR = "|";

/** The reference to `key` with `values`, as a string a zod message or a form state can carry. */
export function messageRef(key: MessageKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key}${SEPARATOR}${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

export function isMessageRef(message: string): boolean {
  return message.startsWith(PREFIX);
}

/** The key and values of a reference, or null for a plain string (or a malformed reference). */
export function parseMessageRef(message: string): { key: MessageKey; values?: MessageValues } | null {
  if (!isMessageRef(message)) return null;
  const body = message.slice(PREFIX.length);
  const at = body.indexOf(SEPARATOR);
  if (at === -1) return { key: body as MessageKey };
  try {
    const values: unknown = JSON.parse(body.slice(at + 1));
    if (typeof values !== "object" || values === null || Array.isArray(values)) return null;
    return { key: body.slice(0, at) as MessageKey, values: values as MessageValues };
  } catch {
    return null;
  }
}

/** Any translator function of next-intl (root, not namespaced): key and values in, text out. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** The text of a message: a reference translated (with its reference values), a plain string as is. */
export function messageText(translate: Translate, message: string): string {
  const ref = parseMessageRef(message);
  if (!ref) return message;
  const values = ref.values
    ? Object.fromEntries(
        Object.entries(ref.values).map(([name, value]) => [
          name,
          typeof value === "string" ? messageText(translate, value) : value,
        ]),
      )
    : undefined;
  return translate(ref.key, values);
}
