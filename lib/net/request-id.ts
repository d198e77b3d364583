// The request id of one request (docs/deploy.md, Logs): the X-Request-Id a trusted proxy sent — so
// the balancer's access log and the app's log share it — or a new random one. A client's own
// header is never believed, nor anything that does not look like an id (it goes into log lines and
// a response header).

/** nginx's $request_id is 32 hex digits; other proxies send UUIDs or similar. */
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function chooseRequestId(
  sent: string | null,
  isFromTrustedProxy: boolean,
  newId: () => string = () => crypto.randomUUID(),
): string {
  if (sent && isFromTrustedProxy && PROXY_REQUEST_ID.test(sent)) return sent;
  return newId();
}
