// A typed client for every test-mode endpoint under /__test__/ (Bearer token), usable with or
// without Playwright: it needs only the global fetch of Node 20.19+.
import type {
  ApplicantState,
  ClockSetting,
  ClockState,
  FaultSettings,
  FaultState,
  Message,
  MessagesResponse,
  ResetResult,
  Scenario,
  ScenarioRequest,
  MailWaitQuery,
  WaitedMessage,
} from "./types.js";
import { assertNamespace } from "./namespace.js";

export interface KitClientOptions {
  /** The portal's address, e.g. http://127.0.0.1:3110 (default: env CCUS_BASE_URL). */
  baseURL?: string;
  /** TEST_API_TOKEN of the server (default: env CCUS_TEST_API_TOKEN). */
  token?: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The server refused a request: `status` and the parsed JSON answer (when there was one). */
export class KitError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "KitError";
  }
}

type Query = Record<string, string | number | undefined | null>;

export class KitClient {
  readonly baseURL: string;
  readonly #token: string;
  readonly #fetch: typeof fetch;

  constructor(options: KitClientOptions = {}) {
    const baseURL = options.baseURL ?? process.env.CCUS_BASE_URL;
    const token = options.token ?? process.env.CCUS_TEST_API_TOKEN;
    if (!baseURL) throw new Error("CCUS_BASE_URL (or the baseURL option) is not set.");
    if (!token) throw new Error("CCUS_TEST_API_TOKEN (or the token option) is not set.");
    this.baseURL = baseURL.replace(/\/+$/, "");
    this.#token = token;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Full URL of a kit path (`/__test__/…`) with its query. */
  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.baseURL}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async #send(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; allow?: number[] } = {},
  ) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#token}`,
      accept: "application/json",
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await this.#fetch(this.url(path, options.query), {
      method,
      headers,
      body,
      redirect: "manual",
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the gate answered the ordinary HTML not-found page.
    }
    if (!response.ok && !(options.allow ?? []).includes(response.status)) {
      const detail =
        response.status === 404 && typeof parsed === "string"
          ? " (test mode off, a wrong token, or an unknown kit address)"
          : typeof parsed === "object" && parsed && "error" in parsed
            ? `: ${String(parsed.error)}`
            : "";
      throw new KitError(`${method} ${path} answered ${response.status}${detail}`, response.status, parsed);
    }
    return { status: response.status, body: parsed };
  }

  // 1. Scenarios ------------------------------------------------------------------------------

  /** Creates an applicant or staff member in a named state (POST /__test__/scenarios). */
  async createScenario(request: ScenarioRequest): Promise<Scenario> {
    assertNamespace(request.ns);
    return (await this.#send("POST", "/__test__/scenarios", { body: request })).body as Scenario;
  }

  // 2. Reset ----------------------------------------------------------------------------------

  /** Removes one namespace's data, or (no ns) every test account and captured email. */
  async reset(ns?: string): Promise<ResetResult> {
    const body = ns === undefined ? {} : { ns: assertNamespace(ns) };
    return (await this.#send("POST", "/__test__/reset", { body })).body as ResetResult;
  }

  // 3. Mail (Mailpit API shapes) --------------------------------------------------------------

  readonly mail = {
    /** GET /__test__/mail/api/v1/messages, newest first. */
    messages: async (page: { start?: number; limit?: number } = {}): Promise<MessagesResponse> =>
      (await this.#send("GET", "/__test__/mail/api/v1/messages", { query: page })).body as MessagesResponse,
    /** GET /__test__/mail/api/v1/search?query=to:… subject:"…" */
    search: async (query: string, page: { start?: number; limit?: number } = {}): Promise<MessagesResponse> =>
      (await this.#send("GET", "/__test__/mail/api/v1/search", { query: { query, ...page } }))
        .body as MessagesResponse,
    /** GET /__test__/mail/api/v1/message/{ID|latest} (marks it read). */
    message: async (id: string = "latest"): Promise<Message> =>
      (await this.#send("GET", `/__test__/mail/api/v1/message/${encodeURIComponent(id)}`)).body as Message,
    /** DELETE /__test__/mail/api/v1/messages: the given IDs, one namespace's, or all. */
    delete: async (target: { ids?: string[]; ns?: string } = {}): Promise<void> => {
      await this.#send("DELETE", "/__test__/mail/api/v1/messages", {
        query: { ns: target.ns === undefined ? undefined : assertNamespace(target.ns) },
        body: target.ids ? { IDs: target.ids } : undefined,
      });
    },
    /**
     * GET /__test__/mail/wait: the newest matching message with its fields parsed, waiting on the
     * server up to `timeout` ms; throws a KitError with status 408 when none came.
     */
    waitFor: async (query: MailWaitQuery): Promise<WaitedMessage> => {
      const after = query.after instanceof Date ? query.after.toISOString() : query.after;
      const { body } = await this.#send("GET", "/__test__/mail/wait", {
        query: { to: query.to, subject: query.subject, ns: query.ns, after, timeout: query.timeout },
      });
      return body as WaitedMessage;
    },
  };

  // 4. Clock ----------------------------------------------------------------------------------

  readonly clock = {
    get: async (ns: string): Promise<ClockState> =>
      (await this.#send("GET", "/__test__/clock", { query: { ns: assertNamespace(ns) } })).body as ClockState,
    /** Sets the namespace's time to an instant (time keeps running from it) or an offset. */
    set: async (ns: string, setting: ClockSetting): Promise<ClockState> => {
      const body =
        "now" in setting
          ? {
              ns: assertNamespace(ns),
              now: setting.now instanceof Date ? setting.now.toISOString() : setting.now,
            }
          : { ns: assertNamespace(ns), offsetSeconds: setting.offsetSeconds };
      return (await this.#send("POST", "/__test__/clock", { body })).body as ClockState;
    },
    /** Back to real time. */
    clear: async (ns: string): Promise<ClockState> =>
      (await this.#send("DELETE", "/__test__/clock", { query: { ns: assertNamespace(ns) } }))
        .body as ClockState,
  };

  // 5. Faults ---------------------------------------------------------------------------------

  readonly faults = {
    get: async (ns: string): Promise<FaultState> =>
      (await this.#send("GET", "/__test__/faults", { query: { ns: assertNamespace(ns) } }))
        .body as FaultState,
    /** Merges with what is set; `null` clears one fault. */
    set: async (ns: string, faults: FaultSettings): Promise<FaultState> =>
      (await this.#send("POST", "/__test__/faults", { body: { ns: assertNamespace(ns), ...faults } }))
        .body as FaultState,
    clear: async (ns: string): Promise<FaultState> =>
      (await this.#send("DELETE", "/__test__/faults", { query: { ns: assertNamespace(ns) } }))
        .body as FaultState,
  };

  // 6. State ----------------------------------------------------------------------------------

  /** GET /__test__/applicants/{loginId}; null for an unknown login ID. */
  async applicant(loginId: string): Promise<ApplicantState | null> {
    const { status, body } = await this.#send("GET", `/__test__/applicants/${encodeURIComponent(loginId)}`, {
      allow: [404],
    });
    if (status === 404) {
      // An HTML 404 means the gate refused us, not an unknown ID.
      if (typeof body !== "object" || body === null) {
        throw new KitError(
          "GET /__test__/applicants answered the not-found page (test mode off or a wrong token)",
          404,
          body,
        );
      }
      return null;
    }
    return body as ApplicantState;
  }
}
