import path from 'node:path';
import { catalogSearchFor } from './catalog/search-service.ts';
import { attachCollab } from './collab/server.ts';
import { openStore, SQLITE_FILE_NAME } from './db/database.ts';
import { buildApp } from './http/app.ts';
import { seedDemo } from './demo/seed.ts';
import { VERSION } from './version.ts';
import { startWatchScheduler } from './watch/scheduler.ts';

export interface StudioServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly demo?: boolean;
  readonly launchSecret?: string;
  readonly staticDir?: string;
  readonly logLevel?: string;
  /** Updates stored per live option before they are compacted (default COMPACT_AFTER_UPDATES; tests use fewer). */
  readonly collabCompactAfter?: number;
}

export interface StudioServer {
  readonly url: string;
  readonly port: number;
  /** Whether the studio has no admin yet (first start without --demo). */
  readonly needsAdmin: boolean;
  readonly demoCredentials: readonly { email: string; password: string; role: string }[];
  close(): Promise<void>;
}

/** Opens the store (running migrations), seeds the demo if asked, and serves the API. */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  // SQLite checkpoints in a worker: a commit on this thread never pays for one (see checkpointer.ts).
  const store = await openStore(
    { dataDir: options.dataDir, databaseUrl: options.databaseUrl },
    { backgroundCheckpoints: true, onCheckpointError: (message) => app?.log.warn({ message }, 'WAL checkpoint failed; retrying') },
  );
  try {
    const demoCredentials = options.demo ? await seedDemo(store.db) : [];
    const admins = await store.db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).execute();
    app = await buildApp({
      services: { db: store.db, engine: store.engine, dataDir: options.dataDir, demo: options.demo ?? false, version: VERSION },
      staticDir: options.staticDir,
      launchSecret: options.launchSecret,
      logLevel: options.logLevel,
    });
    // Live option documents (Hocuspocus) on the same port, at /collab.
    const collab = attachCollab(app, {
      db: store.db,
      log: app.log,
      launchSecret: options.launchSecret,
      compactAfter: options.collabCompactAfter,
      ...(store.engine === 'sqlite' && options.dataDir ? { sqliteFile: path.join(options.dataDir, SQLITE_FILE_NAME) } : {}),
    });
    await app.listen({ host: options.host, port: options.port });
    // Price feeds and the periodic watch sweep (quiet unless feeds are configured; see scheduler.ts).
    const scheduler = startWatchScheduler(store.db, { log: app.log, location: { dataDir: options.dataDir, databaseUrl: options.databaseUrl } });
    // The catalog search index, built while nobody waits for it (else on the first search).
    const log = app.log;
    const warming = catalogSearchFor(store.db).warm((error) => log.warn({ err: error }, 'catalog search index not built at start'));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      needsAdmin: admins.length === 0,
      demoCredentials,
      close: () => (closing ??= warming.then(() => scheduler.stop()).then(() => collab.close()).then(() => app!.close()).then(() => store.close())),
    };
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }
}
