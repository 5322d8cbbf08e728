// The `lockstep` command (SPEC S8): start, migrate, seed-demo, create-admin, import, backup.
// Every command reads its settings from the environment through loadConfig() (DATABASE_URL or SQLITE_PATH).
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CliError, describeSystemError, EXIT_FAILED, EXIT_USAGE } from './cli-error.js';
import { backupCommand } from './commands/backup.js';
import type { CreateAdminOptions } from './commands/create-admin.js';
import { importCommand, IMPORT_MODES } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { DEMO_SIZES } from '../shared/contracts/demo.js';

// The other commands' code is loaded when they run: `start`, `seed-demo` and `create-admin` bring the whole app
// (every room, the analyzer's language model), about 110 MB that an `import` has no use for — its peak memory is
// one of issue 11's targets (bench/import.ts).
const startCommand = async () => (await import('./commands/start.js')).startCommand();
const seedDemoCommand = async (opts: { force?: boolean; size?: string }) => (await import('./commands/seed-demo.js')).seedDemoCommand(opts);
const createAdminCommand = async (opts: CreateAdminOptions) => (await import('./commands/create-admin.js')).createAdminCommand(opts);

// src/cli/main.ts and dist/cli/main.js both sit two folders below package.json.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const ENVIRONMENT_HELP = `
Settings come from the environment (see .env.example):
  DATABASE_URL   postgres://… to use PostgreSQL; unset to use SQLite
  SQLITE_PATH    the SQLite file (default ./data/lockstep.sqlite)
  PORT, HOST, PUBLIC_URL, LOG_LEVEL, JOBS, DEMO …

Exit codes: 0 done, 1 failed while running, 2 refused (bad option or input).`;

export function buildProgram(): Command {
  const program = new Command('lockstep')
    .description('Lockstep keeps sales and marketing in step: published goals, the weekly check-in, pain-based messaging, shadow days and shared wins.')
    .version(version)
    .showHelpAfterError('(add --help for usage)')
    // Commander's own usage errors (unknown option, missing argument) exit 2, like our refusals.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE))
    .addHelpText('after', ENVIRONMENT_HELP);

  program
    .command('start')
    .description('Migrate the database, create the demo workspace on the first start with an empty database (DEMO=on), and serve the API and web app on PORT.')
    .addHelpText('after', '\nStops gracefully on SIGTERM or Ctrl+C: in-flight requests and jobs finish first.\nExample:\n  PORT=8080 DEMO=off lockstep start')
    .action(startCommand);

  program
    .command('migrate')
    .description('Apply the database migrations this version has and the database lacks; prints what it applied, or that it is up to date.')
    .action(migrateCommand);

  program
    .command('seed-demo')
    .description('Create the demo workspace "Northwind Analytics" (15 people, sign in as dana@northwind.example / lockstep-demo). Refuses if a demo workspace exists.')
    .addOption(
      new Option(
        '--size <size>',
        'demo: "Northwind Analytics", 15 people and a year of history; 10x and large: separate workspaces "Northwind Analytics (10x)" and "Northwind Analytics (large)" to measure on, about 150 people and three years, about 400 people and five years of history',
      )
        .choices([...DEMO_SIZES])
        .default('demo'),
    )
    .option('--force', 'create another demo workspace of that size even if one exists')
    .addHelpText('after', '\nThe 10x and large workspaces sit next to the demo (the same sign-in sees all); each size is refused once it exists, unless --force.\nExample:\n  lockstep seed-demo --size large')
    .action(seedDemoCommand);

  program
    .command('create-admin')
    .description('Create a clean workspace and its first admin, who signs in with the given email and password.')
    .option('--email <address>', "the admin's email (required)")
    .option('--name <name>', "the admin's full name (required)")
    .option('--password <password>', 'at least 10 characters (required); change it after the first sign-in, since shells keep history')
    .option('--workspace <name>', 'the company; becomes the workspace name (required)')
    .option('--time-zone <zone>', 'IANA time zone of the workspace and the admin, e.g. Europe/Berlin', 'UTC')
    .addHelpText('after', '\nExample:\n  lockstep create-admin --email ada@acme.example --name "Ada Lovelace" --password "correct horse battery" --workspace Acme --time-zone Europe/London')
    .action(createAdminCommand);

  program
    .command('import')
    .description('Import deals from a HubSpot or Salesforce CSV export (or any CSV, with a column-mapping preset) into a workspace: every row is checked and the valid ones written in one transaction, upserted by record id, then the KPIs computed from deals are recomputed.')
    .argument('<file>', 'the CSV file to import')
    .option('--workspace <name-or-id>', 'the workspace to import into (required)')
    .addOption(new Option('--mode <mode>', 'all-or-nothing: import nothing if any row has an error; valid-rows: import the valid rows and report the others').choices([...IMPORT_MODES]).default('all-or-nothing'))
    .option('--preset <name>', "a column-mapping preset saved in the workspace, for a CSV that is not a vendor's export")
    .option('--errors <out.csv>', 'write the per-row error report (row, column, message) to this CSV file')
    .addHelpText('after', '\nImporting the same export again changes nothing; an updated export updates the changed deals.\nExample:\n  lockstep import hubspot-deals.csv --workspace "Acme Robotics" --mode valid-rows --errors errors.csv')
    .action(importCommand);

  program
    .command('backup')
    .description('Back up the database. SQLite: an online, consistent copy to <path>, checked after writing. PostgreSQL: prints the pg_dump command to run.')
    .argument('<path>', 'the backup file to write')
    .option('--force', 'replace <path> if it exists')
    .action(backupCommand);

  return program;
}

/** One line for mistakes and for the environment's failures; a stack trace only for bugs. */
function report(err: unknown): number {
  if (err instanceof CliError) {
    console.error(`lockstep: ${err.message}`);
    return err.exitCode;
  }
  const plain = describeSystemError(err);
  if (plain) {
    console.error(`lockstep: ${plain}`);
    return EXIT_FAILED;
  }
  console.error('lockstep: an unexpected error stopped the command. This is a bug; please report it with what follows:');
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return EXIT_FAILED;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = report(err);
}
