#!/usr/bin/env node
/**
 * `atelier` — the studio's command line. Every command that touches data takes --data DIR
 * (or ATELIER_DATA) or --database-url (or ATELIER_DATABASE_URL) for PostgreSQL.
 */
import { UsageError } from './cli/args.ts';
import type { CliIo } from './cli/io-types.ts';
import { serve } from './cli/serve.ts';
import { usersCommand } from './cli/users.ts';
import { retailerCommand } from './cli/retailer.ts';
import { purchasesCommand } from './cli/purchases.ts';
import { pricesCommand } from './cli/prices.ts';
import { watchCommand } from './cli/watch.ts';
import { claimsCommand } from './cli/claims.ts';
import { catalogCommand } from './cli/catalog.ts';
import { auditCommand } from './cli/audit.ts';
import { HttpError } from './http/errors.ts';

const HELP = `atelier — Atelier studio command line

  atelier server [--port P] [--host H] [--data DIR | --database-url URL] [--demo]
  atelier web    [--port P] [--data DIR | --database-url URL] [--demo]
  atelier users add --email E --name N --role customer|designer|support|admin   (password on stdin)
  atelier users list [--role R] [--json]
  atelier retailer set NAME [--currency CODE] [--window-days N] [--window-from purchase|delivery]
                            [--adjustments one|unlimited] [--exclude-final-sale true|false]
                            [--feed-url URL|none] [--feed-format csv|json] [--feed-interval MIN] [--json]
  atelier retailer list [--json]
  atelier purchases import FILE [--json]
  atelier prices import FILE [--json]
  atelier prices poll [--all] [--json]
  atelier prices rejects [--feed prices|purchases] [--json]
  atelier watch run [--as-of ISO] [--json]
  atelier claims list [--status S] [--customer EMAIL] [--json]
  atelier claims file ID --ref REF [--channel C] [--as EMAIL]
  atelier claims refund ID --amount AMOUNT [--date ISO] [--as EMAIL]
  atelier claims deny ID --reason TEXT [--as EMAIL]
  atelier claims reopen ID [--as EMAIL]
  atelier claims expire ID [--as EMAIL]
  atelier claims export [--status S] [--format csv|json]
  atelier audit verify [--json]
  atelier catalog import FILE --retailer NAME [--currency CODE] [--map MAPPING.json] [--format csv|json|auto] [--progress] [--json]
  atelier catalog search "QUERY" [--category C] [--retailer R] [--max-price AMOUNT] [--currency CODE] [--fits WIDTHxDEPTH]
                         [--sort relevance|price-asc|price-desc] [--limit N] [--json]

Every command takes --data DIR (or ATELIER_DATA) or --database-url URL (or ATELIER_DATABASE_URL).
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  server: (args) => serve('server', args),
  web: (args) => serve('web', args),
  users: usersCommand,
  retailer: retailerCommand,
  purchases: purchasesCommand,
  prices: pricesCommand,
  watch: watchCommand,
  claims: claimsCommand,
  catalog: catalogCommand,
  audit: auditCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`atelier: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`atelier ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof HttpError) {
      io.stderr.write(`atelier ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`atelier ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
