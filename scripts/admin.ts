// `npm run admin -- <command>`: operator commands, run from a shell on the server. They are never
// reachable through the web. See README, "Security".
//   npm run admin -- reset-2fa <e-mail>   turn off someone's two-factor sign-in (they enrol again)
import { createPrismaClient } from "../lib/db/client.ts";
import { resetTwoFactor } from "../lib/ops/accounts.ts";
import { opsSettings } from "../lib/ops/settings.ts";

const usage = "Usage: npm run admin -- reset-2fa <e-mail>";

async function main(args: string[]): Promise<number> {
  const [command, email, ...rest] = args;
  if (command !== "reset-2fa" || !email || rest.length > 0) {
    console.error(usage);
    return 2;
  }
  const db = createPrismaClient(opsSettings().databaseUrl);
  try {
    if ((await resetTwoFactor(db, email)) === "no-account") {
      console.error(`No account has the e-mail ${email}.`);
      return 1;
    }
    console.log(
      `Two-factor sign-in for ${email} is reset and their sessions ended; they set it up again at their next sign-in. Recorded in the audit trail.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  console.error(`admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
