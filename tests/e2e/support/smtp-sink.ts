// A local SMTP sink for the Playwright suite: the app sends real SMTP here, and the tests read
// what arrived over a small HTTP API (see tests/e2e/fixtures/mailbox.ts).
// Run: npx tsx tests/e2e/support/smtp-sink.ts
//   SMTP  127.0.0.1:${SMTP_SINK_PORT ?? 2526}       (no auth needed, no TLS)
//   HTTP  127.0.0.1:${SMTP_SINK_HTTP_PORT ?? 2527}
//     GET    /health              200 "ok"
//     GET    /messages[?to=addr]  JSON array of SinkMessage, oldest first (newest last)
//     DELETE /messages[?to=addr]  forgets all messages (or only those to addr); 204
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One received email as the HTTP API returns it. */
export interface SinkMessage {
  /** Increasing number, in order of arrival. */
  id: number;
  /** Every recipient (envelope RCPT TO and the To/Cc headers), lower-cased. */
  to: string[];
  /** The From header as written, e.g. `建設キャリアアップシステム <no-reply@ccus.localhost>`. */
  from: string;
  subject: string;
  /** The Message-ID header as sent (the outbox gives each email a stable one), or "". */
  messageId: string;
  text: string;
  /** The HTML part, or "" when the email has none. */
  html: string;
  /** When the sink received it (ISO 8601). */
  date: string;
}

const host = "127.0.0.1";
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2526);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2527);
/** Enough for any test run; the oldest are dropped beyond it so a long session cannot grow forever. */
const MAX_MESSAGES = 5000;

let messages: SinkMessage[] = [];
let nextId = 1;

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const found: string[] = [];
  const visit = (entries: AddressObject["value"]) => {
    for (const entry of entries) {
      if (entry.address) found.push(entry.address.toLowerCase());
      if (entry.group) visit(entry.group);
    }
  };
  for (const object of objects) visit(object.value);
  return found;
}

const smtpServer = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  banner: "ccus e2e smtp sink",
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const envelope = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const to = [...new Set([...envelope, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)])];
        messages.push({
          id: nextId++,
          to,
          from: parsed.from?.text ?? "",
          subject: parsed.subject ?? "",
          messageId: parsed.messageId ?? "",
          text: parsed.text ?? "",
          html: parsed.html || "",
          date: new Date().toISOString(),
        });
        if (messages.length > MAX_MESSAGES) messages = messages.slice(-MAX_MESSAGES);
        callback();
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
  },
});

function send(response: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const json = typeof body === "string" ? body : JSON.stringify(body);
  response
    .writeHead(status, {
      "content-type":
        typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
      "cache-control": "no-store",
    })
    .end(json);
}

function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", `http://${host}:${httpPort}`);
  const to = url.searchParams.get("to")?.trim().toLowerCase() || null;
  const matches = (message: SinkMessage) => to === null || message.to.includes(to);

  if (url.pathname === "/health" && request.method === "GET") return send(response, 200, "ok");
  if (url.pathname === "/messages" && request.method === "GET")
    return send(response, 200, messages.filter(matches));
  if (url.pathname === "/messages" && request.method === "DELETE") {
    messages = messages.filter((message) => !matches(message));
    return send(response, 204);
  }
  const known = url.pathname === "/health" || url.pathname === "/messages";
  return send(response, known ? 405 : 404, known ? "method not allowed" : "not found");
}

const httpServer = createServer(handle);

// smtp-server reports client-side trouble (a dropped connection) as "error" events; without a
// listener they would end the process.
smtpServer.on("error", (error: Error) => console.error(`smtp-sink: ${error.message}`));

await new Promise<void>((resolve, reject) => {
  smtpServer.server.once("error", reject);
  smtpServer.listen(smtpPort, host, () => resolve());
});
await new Promise<void>((resolve, reject) => {
  httpServer.once("error", reject);
  httpServer.listen(httpPort, host, () => resolve());
});
console.log(`smtp-sink: SMTP on ${host}:${smtpPort}, HTTP on http://${host}:${httpPort}`);

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`smtp-sink: ${signal}, stopping`);
  // Do not wait for idle keep-alive connections or a slow SMTP client longer than a moment.
  const force = setTimeout(() => process.exit(0), 2000);
  force.unref();
  httpServer.closeAllConnections();
  httpServer.close();
  smtpServer.close(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
