import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; the tests run the server code directly.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};

const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.REQUIRE_POSTGRES === "1" && !postgresUrl) {
  throw new Error("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL suite would not run.");
}

const integration = (name: string, provider: "sqlite" | "postgresql") => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    env: { TEST_PROVIDER: provider },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One fresh database per file; files run in parallel on the two cores.
    pool: "forks" as const,
    // next-auth imports "next/server" without an extension; inlined, Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // tests/unit/proxy.test.ts runs proxy.ts, which imports next-auth (see the integration projects).
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "components",
          include: ["tests/components/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["tests/support/components-setup.ts"],
        },
      },
      integration("integration-sqlite", "sqlite"),
      ...(postgresUrl ? [integration("integration-postgres", "postgresql")] : []),
    ],
  },
});
