// Playwright fixtures: a kit client and a namespace per worker, personas that sign the page in,
// the namespace's mail, clock and faults, the ccus_test_ns cookie, and a reset at worker teardown.
import { randomBytes } from "node:crypto";
import { test as base, type Page } from "@playwright/test";
import { KitClient } from "./client.js";
import { workerNamespace } from "./namespace.js";
import type {
  ClockSetting,
  ClockState,
  FaultSettings,
  FaultState,
  MailWaitQuery,
  MessagesResponse,
  Persona,
  Scenario,
  WaitedMessage,
} from "./types.js";

export interface KitOptions {
  /** The portal's address; default env CCUS_BASE_URL, else the project's `use.baseURL`. */
  baseURL?: string;
  /** TEST_API_TOKEN; default env CCUS_TEST_API_TOKEN. */
  token?: string;
  /** Shared by the run's namespaces; default env CCUS_RUN_ID, else random per worker process. */
  runId?: string;
  /** Reset the worker's namespace when the worker ends (default true). */
  resetOnTeardown?: boolean;
}

export interface PersonaOptions {
  /** Open the one-time sign-in URL in `page` (default: true when the persona can sign in). */
  signIn?: boolean;
  /** Land here instead of the persona's landing page (same-origin path). */
  next?: string;
  seed?: string;
  name?: string;
  email?: string;
  /** From `submitted` on: whether the registration fee is paid (default "paid"). */
  payment?: "unpaid" | "paid";
  /** Another page (e.g. a second context's) to sign in instead of the test's `page`. */
  page?: Page;
}

export type PersonaFixture = (persona: Persona | string, options?: PersonaOptions) => Promise<Scenario>;

export interface MailFixture {
  /** Waits on the server for a message (namespace = the worker's unless `ns` is given). */
  waitFor(query: MailWaitQuery): Promise<WaitedMessage>;
  search(query: string): Promise<MessagesResponse>;
}

export interface ClockFixture {
  set(setting: ClockSetting | string | Date): Promise<ClockState>;
  get(): Promise<ClockState>;
  clear(): Promise<ClockState>;
}

export interface FaultsFixture {
  set(faults: FaultSettings): Promise<FaultState>;
  get(): Promise<FaultState>;
  clear(): Promise<FaultState>;
}

export interface KitTestFixtures {
  persona: PersonaFixture;
  mail: MailFixture;
  clock: ClockFixture;
  faults: FaultsFixture;
}

export interface KitWorkerFixtures {
  kitOptions: KitOptions;
  kit: KitClient;
  ns: string;
}

const defaultRunId = () => process.env.CCUS_RUN_ID ?? randomBytes(4).toString("hex");

export const test = base.extend<KitTestFixtures, KitWorkerFixtures>({
  kitOptions: [{}, { scope: "worker", option: true }],

  kit: [
    async ({ kitOptions }, provide, workerInfo) => {
      const baseURL =
        kitOptions.baseURL ?? process.env.CCUS_BASE_URL ?? workerInfo.project.use.baseURL ?? undefined;
      await provide(new KitClient({ baseURL, token: kitOptions.token }));
    },
    { scope: "worker" },
  ],

  ns: [
    async ({ kit, kitOptions }, provide, workerInfo) => {
      const ns = workerNamespace(workerInfo.workerIndex, kitOptions.runId ?? defaultRunId());
      await provide(ns);
      if (kitOptions.resetOnTeardown !== false) {
        await kit.reset(ns).catch((error: unknown) => {
          console.warn(`[playwright-kit] reset of namespace ${ns} failed: ${String(error)}`);
        });
      }
    },
    { scope: "worker" },
  ],

  // Every page of the test belongs to the worker's namespace (clock and faults follow it).
  context: async ({ context, kit, ns }, provide) => {
    await context.addCookies([{ name: "ccus_test_ns", value: ns, url: kit.baseURL }]);
    await provide(context);
  },

  persona: async ({ kit, ns, page }, provide) => {
    await provide(async (persona, options = {}) => {
      const scenario = await kit.createScenario({
        persona,
        ns,
        seed: options.seed,
        name: options.name,
        email: options.email,
        payment: options.payment,
      });
      const shouldSignIn = options.signIn ?? scenario.signInUrl !== null;
      if (shouldSignIn) {
        if (!scenario.signInUrl)
          throw new Error(`Persona "${persona}" cannot sign in (its signInUrl is null).`);
        const url = new URL(scenario.signInUrl);
        if (options.next) url.searchParams.set("next", options.next);
        await (options.page ?? page).goto(url.toString());
      }
      return scenario;
    });
  },

  mail: async ({ kit, ns }, provide) => {
    await provide({
      waitFor: (query) => kit.mail.waitFor({ ns, ...query }),
      search: (query) => kit.mail.search(query),
    });
  },

  clock: async ({ kit, ns }, provide) => {
    let touched = false;
    await provide({
      set: (setting) => {
        touched = true;
        const normalised: ClockSetting =
          typeof setting === "string" || setting instanceof Date ? { now: setting } : setting;
        return kit.clock.set(ns, normalised);
      },
      get: () => kit.clock.get(ns),
      clear: () => kit.clock.clear(ns),
    });
    // The next test of this worker starts on real time again.
    if (touched) await kit.clock.clear(ns);
  },

  faults: async ({ kit, ns }, provide) => {
    let touched = false;
    await provide({
      set: (faults) => {
        touched = true;
        return kit.faults.set(ns, faults);
      },
      get: () => kit.faults.get(ns),
      clear: () => kit.faults.clear(ns),
    });
    if (touched) await kit.faults.clear(ns);
  },
});

export { expect } from "@playwright/test";
