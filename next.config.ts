import type { NextConfig } from "next";

// Headers that do not depend on the request. The Content-Security-Policy carries a per-request
// nonce, so proxy.ts sets it.
const staticSecurityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  // A separate build folder lets several production servers (parallel e2e runs) coexist. Where Next
  // builds is the build tooling's setting, not the app's, and Next loads this file before any app
  // code, so it reads the variable itself (the app's settings are in lib/config.ts).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
