// @ccus/playwright-kit: fixtures, the API client and the page objects.
export { test, expect } from "./fixtures.js";
export { assertNamespace, namespacePattern, workerNamespace } from "./namespace.js";
export type {
  KitOptions,
  PersonaOptions,
  PersonaFixture,
  MailFixture,
  ClockFixture,
  FaultsFixture,
  KitTestFixtures,
  KitWorkerFixtures,
} from "./fixtures.js";
export { KitClient, KitError } from "./client.js";
export type { KitClientOptions } from "./client.js";
export * from "./types.js";
export * from "./pages/index.js";
export { LANGUAGE_COOKIE, PORTAL_LANGUAGES, chooseLanguage } from "./language.js";
export type { PortalLanguage } from "./language.js";
