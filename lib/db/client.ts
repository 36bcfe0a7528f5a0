import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client.ts";
import { PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client.ts";
import { providerOf, resolveDatabaseUrl, sqliteFilePath } from "./provider.ts";

// Both clients come from one schema source, so their model APIs are the same; the app codes
// against the SQLite client's types.
export type Db = SqlitePrismaClient;

const sqliteBusyTimeoutMs = 5_000;

// Per-connection settings, applied on connect and read back so a wrong build of SQLite or a
// read-only file fails at start-up instead of on a patient's first write.
const sqlitePragmas = [
  ["journal_mode", "WAL", "wal"],
  ["busy_timeout", String(sqliteBusyTimeoutMs), String(sqliteBusyTimeoutMs)],
  ["foreign_keys", "ON", "1"],
  ["synchronous", "NORMAL", "1"],
] as const;

function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({
    url: `file:${sqliteFilePath(url)}`,
    timeout: sqliteBusyTimeoutMs,
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(
        sqlitePragmas.map(([name, value]) => `PRAGMA ${name} = ${value};`).join("\n"),
      );
      for (const [name, , expected] of sqlitePragmas) {
        const result = await adapter.queryRaw({ sql: `PRAGMA ${name}`, args: [], argTypes: [] });
        const actual = String(result.rows[0]?.[0]).toLowerCase();
        if (actual !== expected) {
          throw new Error(`SQLite PRAGMA ${name} is ${actual}, expected ${expected}.`);
        }
      }
      return adapter;
    },
  };
}

export function createPrismaClient(url: string = resolveDatabaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      // Bounded pool with an acquire timeout: under load a request waits at most this long for a
      // connection, then fails cleanly instead of queueing forever.
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      connectionTimeoutMillis: Number(process.env.DATABASE_POOL_TIMEOUT_MS ?? 5_000),
      idleTimeoutMillis: 30_000,
    });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  return new SqlitePrismaClient({ adapter: sqliteAdapter(url) });
}
