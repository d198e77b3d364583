// The faults benchmark's browser stand-in: a cookie jar, GETs, and forms posted the way a browser
// without JavaScript posts them (every hidden input of the form, React's $ACTION_ fields included,
// as multipart/form-data; redirects not followed, so a 303 after a server action's redirect() is
// seen as such). Any base URL can be used with the same jar: the balancer or one instance directly
// (cookies do not depend on the port).
import { readForms } from "./html-form";

export interface PageAnswer {
  status: number;
  location: string | null;
  html: string;
}

export class BrowserStandIn {
  private readonly cookies = new Map<string, string>();

  constructor(readonly label: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at < 1) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async send(url: URL, init: RequestInit, timeoutMs: number): Promise<PageAnswer> {
    const response = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), Cookie: this.cookieHeader() },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    this.remember(response);
    return {
      status: response.status,
      location: response.headers.get("location"),
      html: await response.text(),
    };
  }

  get(baseUrl: string, path: string, timeoutMs = 15_000): Promise<PageAnswer> {
    return this.send(new URL(path, baseUrl), {}, timeoutMs);
  }

  /** Follows redirects on `baseUrl` (at most 5), as a browser's address bar does. */
  async open(baseUrl: string, path: string, timeoutMs = 15_000): Promise<PageAnswer & { path: string }> {
    let current = path;
    for (let hop = 0; hop < 5; hop += 1) {
      const answer = await this.get(baseUrl, current, timeoutMs);
      if (answer.status < 300 || answer.status >= 400 || !answer.location)
        return { ...answer, path: current };
      const next = new URL(answer.location, baseUrl);
      current = `${next.pathname}${next.search}`;
    }
    throw new Error(`${this.label}: too many redirects from ${path}`);
  }

  /** Posts a form to `path` on `baseUrl` (the Origin is that base, as the page's own origin). */
  post(
    baseUrl: string,
    path: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type: string; bytes: Uint8Array }> = {},
    timeoutMs = 30_000,
  ): Promise<PageAnswer> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const [name, file] of Object.entries(files))
      body.append(name, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const headers = { Origin: new URL(baseUrl).origin };
    return this.send(new URL(path, baseUrl), { method: "POST", headers, body }, timeoutMs);
  }
}

/**
 * The hidden fields of the form whose submit button reads `buttonText` (the $ACTION_ fields a
 * server action needs, applicationId, lockVersion …), or null when the page has no such form.
 */
export function readHiddenFields(html: string, buttonText: string): Record<string, string> | null {
  const form = readForms(html).find((candidate) => candidate.buttons.includes(buttonText));
  return form ? Object.fromEntries(form.hidden) : null;
}

/** The kit's API (test mode): scenarios and the one-time sign-in. */
export class KitClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async scenario(body: { persona: string; ns: string; [key: string]: unknown }) {
    const response = await fetch(new URL("/__test__/scenarios", this.baseUrl), {
      method: "POST",
      headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    if (response.status !== 201)
      throw new Error(`scenario ${body.persona}: ${response.status} ${await response.text()}`);
    return (await response.json()) as {
      loginId: string | null;
      email: string;
      password: string;
      applicationNumber: string | null;
      signInUrl: string | null;
      landingPath: string;
    };
  }

  /** A browser stand-in signed in through the scenario's one-time URL (on the balancer). */
  async signIn(signInUrl: string, label: string): Promise<BrowserStandIn> {
    const browser = new BrowserStandIn(label);
    const url = new URL(signInUrl);
    const answer = await browser.get(this.baseUrl, `${url.pathname}${url.search}`);
    if (answer.status !== 303) throw new Error(`${label}: sign-in answered ${answer.status}`);
    return browser;
  }
}
