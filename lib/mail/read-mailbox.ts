// Reads the local file mailbox (development without SMTP_URL).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { mailboxDir } from "@/lib/mail/transport";

export interface MailboxMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: string;
}

export async function readMailbox(dataDir: string, limit = 50): Promise<MailboxMessage[]> {
  const dir = mailboxDir(dataDir);
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (name) => ({
      id: name.replace(/\.json$/, ""),
      ...(JSON.parse(await readFile(path.join(dir, name), "utf8")) as Omit<MailboxMessage, "id">),
    })),
  );
}
