import path from 'node:path';
import { startStudioServer } from '../start.ts';
import { PROJECT_ROOT } from '../version.ts';
import { parse, storeLocation, UsageError } from './args.ts';

const SERVE_OPTIONS = {
  port: { type: 'string', default: '4173' },
  host: { type: 'string', default: '127.0.0.1' },
  data: { type: 'string' },
  'database-url': { type: 'string' },
  demo: { type: 'boolean', default: false },
  static: { type: 'string' },
  'log-level': { type: 'string', default: 'info' },
} as const;

/**
 * `atelier server` (the studio backend) and `atelier web` (the same, serving the built renderer
 * for any browser). Binds 127.0.0.1 unless --host says otherwise.
 */
export async function serve(mode: 'server' | 'web', args: readonly string[]): Promise<number> {
  const { values } = parse(args, SERVE_OPTIONS);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const location = storeLocation(values);
  const builtRenderer = path.join(PROJECT_ROOT, 'dist', 'renderer');
  const staticDir = values.static ? path.resolve(values.static) : builtRenderer;
  const server = await startStudioServer({
    host: values.host,
    port,
    dataDir: location.dataDir,
    databaseUrl: location.databaseUrl,
    demo: values.demo,
    staticDir,
    logLevel: values['log-level'],
  });
  const out = process.stdout;
  out.write(`\nAtelier ${mode === 'web' ? 'web app' : 'server'} listening on ${server.url}\n`);
  out.write(`  data: ${location.describe}\n`);
  if (mode === 'web') out.write(`  open ${server.url} in a browser\n`);
  if (server.demoCredentials.length) {
    out.write('  demo accounts:\n');
    for (const c of server.demoCredentials) out.write(`    ${c.role.padEnd(9)} ${c.email.padEnd(24)} ${c.password}\n`);
  }
  if (server.needsAdmin) {
    const where = values['database-url'] ? `--database-url ${values['database-url']}` : `--data ${location.dataDir}`;
    out.write(`\n  This studio has no admin yet. Create one with:\n    npx atelier users add --email you@example.com --name "Your Name" --role admin ${where}\n  (the password is read from standard input)\n`);
  }
  out.write('\n');

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: shutting down…\n`);
      server.close().then(resolve, (error: unknown) => {
        process.stderr.write(`error while shutting down: ${String(error)}\n`);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
