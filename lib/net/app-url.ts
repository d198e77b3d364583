// What the public address (APP_URL) decides at run time: whether the site is served over https
// (Secure cookies with the __Secure- prefix, HSTS), and the URL next-auth builds its own from.
// Read from the environment when the server runs, never at build time, and never from a
// client-sent X-Forwarded-Proto or X-Forwarded-Host.

/** True when APP_URL is https://…, whatever the scheme between a TLS proxy and this server. */
export function isHttpsAppUrl(appUrl: string): boolean {
  try {
    return new URL(appUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** next-auth's AUTH_URL for this APP_URL: its origin and the route handler's base path. */
export function authUrlFor(appUrl: string): string {
  return `${new URL(appUrl).origin}/api/auth`;
}

/** Two years, subdomains included: the site is https-only once APP_URL says so. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The Strict-Transport-Security value for APP_URL, or null when the site is plain http. */
export function strictTransportSecurityFor(appUrl: string): string | null {
  return isHttpsAppUrl(appUrl) ? STRICT_TRANSPORT_SECURITY : null;
}
