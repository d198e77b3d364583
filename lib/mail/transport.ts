// Where mail goes: SMTP_URL through nodemailer, or the local file mailbox (chosen by
// chooseMailTransport in lib/env.ts) that the development page /dev/mailbox shows.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, `<…@…>`: the outbox sets a stable one per row (receivers de-duplicate by it). */
  messageId?: string;
}

/**
 * The longest one send may take, connection to the server's reply included. The outbox's lease
 * (OUTBOX_LEASE_MS, at least 60 s) must stay well above it, or another worker could take a row
 * again while its first send is still talking to SMTP.
 */
export const SEND_TIMEOUT_MS = 30_000;

export interface MailTransport {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Options must sit beside `url`: a second argument would be default message fields.
  // nodemailer's defaults (2 min to connect, 10 min of socket silence) would outlast the outbox
  // lease; these are far below it, and SEND_TIMEOUT_MS caps the whole send (socketTimeout is per
  // silence, so a server that answers slowly line by line could otherwise take longer).
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    send: async (email) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`SMTP send timed out after ${SEND_TIMEOUT_MS} ms`)),
          SEND_TIMEOUT_MS,
        );
      });
      try {
        const info = await Promise.race([transporter.sendMail(email), deadline]);
        return { messageId: String(info.messageId ?? email.messageId ?? "") };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transporter.close(),
  };
}

export const mailboxDir = (dataDir: string) => path.resolve(dataDir, "mailbox");

export function createFileMailboxTransport(dataDir: string): MailTransport {
  const dir = mailboxDir(dataDir);
  return {
    send: async (email) => {
      // Temporary passwords are in these files: readable by this user only.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const messageId = email.messageId ?? `<${randomUUID()}@mailbox.local>`;
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${randomUUID().slice(0, 8)}.json`);
      await writeFile(file, JSON.stringify({ ...email, messageId, date: new Date().toISOString() }), {
        mode: 0o600,
      });
      return { messageId };
    },
    close: () => {},
  };
}
