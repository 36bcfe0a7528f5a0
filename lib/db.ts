import "server-only";
import { config } from "./config.ts";
import { createPrismaClient, type Db } from "./db/client.ts";

// One client per process; the globalThis cache survives hot reloads in development.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createPrismaClient();

if (config().nodeEnv !== "production") globalForDb.db = db;
