// Messages for the client components of a page (issue 15). Only the namespaces a page's client
// components read are sent with it (common.form always): the catalogues stay on the server.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** A dotted path of the catalogue: "auth.login", "validation.login". */
export type MessagePath = string;

// fields: the shared field rules' messages (lib/schemas/normalize.ts), in most forms' schemas;
// documents.image: the image field's own words and messages (components/form/image-field.tsx).
export const ALWAYS_ON_CLIENT: readonly MessagePath[] = [
  "common.form",
  "common.site",
  "fields",
  "documents.image",
];

/** The parts of `messages` named by `paths`, in the catalogue's shape. */
export function pickMessages(messages: Record<string, unknown>, paths: readonly MessagePath[]) {
  const picked: Record<string, unknown> = {};
  // A path inside one already taken adds nothing (and would write into the shared catalogue).
  const taken = [...new Set(paths)].filter(
    (path) => !paths.some((other) => other !== path && path.startsWith(`${other}.`)),
  );
  for (const path of taken) {
    const parts = path.split(".");
    let source: unknown = messages;
    for (const part of parts) source = (source as Record<string, unknown> | undefined)?.[part];
    if (source === undefined) throw new Error(`No messages at ${path}`);
    let target = picked;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1] as string] = source;
  }
  return picked;
}

export async function ClientMessages({
  paths,
  children,
}: {
  paths: readonly MessagePath[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...ALWAYS_ON_CLIENT, ...paths])}>
      {children}
    </NextIntlClientProvider>
  );
}
