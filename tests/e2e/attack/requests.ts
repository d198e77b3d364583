// What the attack suite's specs (attack.spec.ts, fuzz.spec.ts) share: the owners a world's
// fingerprint covers, the page an action is posted to, and a raw request to a route.
import type { APIRequestContext } from "@playwright/test";
import type { ServerAction } from "../fixtures/attack-inventory";
import type { World } from "../fixtures/attack-world";
import { appUrl } from "../support/environment";
import { pagePath } from "./expectations";

/** Everything of the world's people (and the rows under its marker addresses). */
export const ownersOf = (world: World) => ({
  applicants: Object.values(world.applicants).map((a) => a.id),
  staff: Object.values(world.staffAccounts).map((s) => s.id),
  emails: [],
  markerDomain: world.markerDomain,
});

/** The page an action is posted to (one of the pages that use it, dynamic segments filled). */
export function hostOf(action: ServerAction, world: World): string {
  const plain = action.hosts.find((host) => !host.includes("["));
  return plain ?? pagePath(action.hosts[0] ?? "/", world);
}

export function routeRequest(
  request: APIRequestContext,
  method: string,
  path: string,
  body?: Buffer | string,
) {
  return request.fetch(path, {
    method,
    headers: method === "GET" ? {} : { Origin: appUrl, "Content-Type": "application/x-www-form-urlencoded" },
    data: method === "GET" ? undefined : (body ?? ""),
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
}
