import { appendFileSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { config } from "../config.ts";
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

// Benchmark only (scripts/bench counts queries per request): with DB_QUERY_LOG naming a file, each
// statement the app sends, in transactions too, appends one line to it, synchronously, so the count
// is complete when the response is. The connect-time PRAGMA checks run on the unwrapped connection.
// Without the variable nothing is wrapped, so it costs nothing.
function withQueryLog(factory: SqlDriverAdapterFactory, file: string): SqlDriverAdapterFactory {
  const log = (sql: string) => appendFileSync(file, `${sql.replace(/\s+/g, " ").slice(0, 120)}\n`);
  const logged = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key) {
        const value: unknown = Reflect.get(object, key);
        if (typeof value !== "function") return value;
        if (key === "queryRaw" || key === "executeRaw") {
          return (query: SqlQuery) => {
            log(query.sql);
            return value.call(object, query);
          };
        }
        if (key === "startTransaction") {
          return async (...args: unknown[]) => {
            log("BEGIN");
            return logged(await value.apply(object, args));
          };
        }
        return value.bind(object);
      },
    });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => logged(await factory.connect()),
  };
}

export function createPrismaClient(url: string = resolveDatabaseUrl()): Db {
  const { queryLogFile: queryLog, databasePoolMax, databasePoolTimeoutMs } = config();
  if (providerOf(url) === "postgresql") {
    const pool = new PrismaPg({
      connectionString: url,
      // Bounded pool with an acquire timeout: under load a request waits at most this long for a
      // connection, then fails cleanly instead of queueing forever.
      max: databasePoolMax,
      connectionTimeoutMillis: databasePoolTimeoutMs,
      idleTimeoutMillis: 30_000,
    });
    const adapter = queryLog ? withQueryLog(pool, queryLog) : pool;
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  const adapter = sqliteAdapter(url);
  return new SqlitePrismaClient({ adapter: queryLog ? withQueryLog(adapter, queryLog) : adapter });
}
