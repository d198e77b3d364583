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
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Options must sit beside `url`: a second argument would be default message fields.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (email) => {
      const info = await transporter.sendMail(email);
      return { messageId: String(info.messageId ?? "") };
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
      const messageId = `<${randomUUID()}@mailbox.local>`;
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
