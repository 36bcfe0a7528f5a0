import "server-only";
import { db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { providerOf, resolveDatabaseUrl } from "@/lib/db/provider";

/**
 * For load balancers: the database answers and every migration this build ships is applied.
 * Public by design, and it returns nothing but a yes or no.
 */
export async function isHealthy(): Promise<boolean> {
  try {
    const expected = readMigrations(providerOf(resolveDatabaseUrl())).map((m) => m.name);
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return expected.length > 0 && expected.every((name) => applied.has(name));
  } catch {
    return false;
  }
}
