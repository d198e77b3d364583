// Response headers for every page: a per-request nonce CSP and the usual hardening headers.

const NONCE = "{nonce}";

function contentSecurityPolicyTemplate(isDevelopment: boolean): string[] {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only for the development server's fast refresh.
    `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // The development server injects <style> tags for fast refresh.
    isDevelopment ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${NONCE}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDevelopment ? [] : ["upgrade-insecure-requests"]),
  ]
    .join("; ")
    .split(NONCE);
}

// Built once: each request only puts its nonce between the fixed pieces (proxy.ts, every request).
const templates = {
  production: contentSecurityPolicyTemplate(false),
  development: contentSecurityPolicyTemplate(true),
};

export function buildContentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  return (isDevelopment ? templates.development : templates.production).join(nonce);
}

export const staticSecurityHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
