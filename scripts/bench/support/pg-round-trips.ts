// Counts PostgreSQL round trips between the portal and its database (issue 14 "How": count the
// database round trips per request): a loopback TCP relay in front of the server that reads the
// client's side of the wire protocol. Each simple Query ('Q') and each Sync ('S', the end of an
// extended-protocol query: Parse/Bind/Execute/Sync, which is how pg runs parameterised queries)
// is one round trip; the SQL of each Query/Parse is kept so a profile can say what ran.
// Only for benchmarks: point DATABASE_URL at `relay.port` instead of the server's.
import net from "node:net";

export interface RoundTripRelay {
  port: number;
  /** Round trips and statements since the last reset(). */
  snapshot(): { roundTrips: number; statements: string[] };
  reset(): void;
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Reads a NUL-terminated string at `offset`; returns it and the offset after the NUL. */
function cString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  const stop = end === -1 ? buffer.length : end;
  return [buffer.toString("utf8", offset, stop), stop + 1];
}

export async function startRoundTripRelay(target: { host: string; port: number }): Promise<RoundTripRelay> {
  let roundTrips = 0;
  let statements: string[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let startup = true;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (startup) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST && code !== CANCEL_REQUEST) startup = false;
          continue;
        }
        if (pending.length < 5) break;
        const type = String.fromCharCode(pending[0] ?? 0);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const body = pending.subarray(5, 1 + length);
        pending = pending.subarray(1 + length);
        if (type === "Q") {
          roundTrips += 1;
          statements.push(cString(body, 0)[0]);
        } else if (type === "P") {
          const [, afterName] = cString(body, 0);
          statements.push(cString(body, afterName)[0]);
        } else if (type === "S") {
          roundTrips += 1;
        }
      }
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the relay has no port");

  return {
    port: address.port,
    snapshot: () => ({ roundTrips, statements: [...statements] }),
    reset: () => {
      roundTrips = 0;
      statements = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
