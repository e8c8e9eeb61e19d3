/**
 * The studio the [Watch] and [Desk] API tests run against: the watch world (Alba Home and
 * Nordhus, Maya, Jonas, a designer), support, a second support agent, an admin, a designer of
 * another project, Maya's project with her designer, Maya's sofa (14 days from purchase, bought
 * 4 days ago) and Jonas's chairs (30 days from delivery, delivered 9 days ago, outside any
 * project), the price feeds each test file names — and a real server on a real store.
 */
import { createUser } from '../../server/auth/users.ts';
import { openStore } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import type { StudioServer } from '../../server/start.ts';
import { listClaims } from '../../server/watch/claims.ts';
import type { Kysely } from 'kysely';
import { ApiSession, createTestStore, startTestServer, type TestStore } from './harness.ts';
import { importPricesText, importPurchasesText, watchWorld } from './watch-fixtures.ts';

export const PASSWORDS: Readonly<Record<string, string>> = {
  'maya@t.test': 'customer-password-m',
  'jonas@t.test': 'customer-password-j',
  'des@t.test': 'designer-password',
  'other-des@t.test': 'designer-password-2',
  'sup@t.test': 'support-password',
  'sup2@t.test': 'support-password-2',
  'admin@t.test': 'admin-password',
};

export const PROJECT_ID = 'project-maya';

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

export interface ClaimsWorld {
  readonly store: TestStore;
  readonly server: StudioServer;
  readonly people: { readonly maya: string; readonly jonas: string; readonly designer: string };
  /** The claim on Maya's sofa and on Jonas's chairs. */
  readonly mayaClaim: string;
  readonly jonasClaim: string;
  /** A signed-in session of one of PASSWORDS' people. */
  as(email: string): Promise<ApiSession>;
  /** Work on the store directly (a feed arriving, counting rows), closed after. */
  withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `feeds`: price rows per feed file, imported in order after the purchases. */
export async function startClaimsWorld(engine: 'sqlite' | 'postgres', feeds: readonly { readonly source: string; readonly rows: readonly string[] }[]): Promise<ClaimsWorld> {
  const store = await createTestStore(engine);
  const withDb = async <T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> => {
    const { db, close } = await openStore(store.location);
    try {
      return await work(db);
    } finally {
      await close();
    }
  };
  const { people, mayaClaim, jonasClaim } = await withDb(async (db) => {
    const people = await watchWorld(db);
    await createUser(db, { email: 'sup@t.test', name: 'Sam Support', role: 'support', password: PASSWORDS['sup@t.test']! });
    await createUser(db, { email: 'sup2@t.test', name: 'Sol Support', role: 'support', password: PASSWORDS['sup2@t.test']! });
    await createUser(db, { email: 'admin@t.test', name: 'Ada Admin', role: 'admin', password: PASSWORDS['admin@t.test']! });
    await createUser(db, { email: 'other-des@t.test', name: 'Other', role: 'designer', password: PASSWORDS['other-des@t.test']! });
    const now = new Date().toISOString();
    await db.insertInto('projects').values({ id: PROJECT_ID, name: "Maya's living room", stage: 'protected', customer_id: people.maya, budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
    await db
      .insertInto('project_members')
      .values([
        { project_id: PROJECT_ID, user_id: people.maya, role: 'customer', added_at: now },
        { project_id: PROJECT_ID, user_id: people.designer, role: 'designer', added_at: now },
      ])
      .execute();
    await importPurchasesText(db, [`maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,${daysAgo(4)},,P-1`, `jonas@t.test,Nordhus,CHAIR-2,2,450.00,EUR,${daysAgo(10)},${daysAgo(9)},P-2`]);
    for (const feed of feeds) await importPricesText(db, feed.rows, feed.source);
    const claims = await listClaims(db);
    return { people, mayaClaim: claims.find((c) => c.customer.email === 'maya@t.test')!.id, jonasClaim: claims.find((c) => c.customer.email === 'jonas@t.test')!.id };
  });
  let server: StudioServer;
  try {
    server = await startTestServer(store);
  } catch (error) {
    await store.dispose();
    throw error;
  }
  return {
    store,
    server,
    people,
    mayaClaim,
    jonasClaim,
    async as(email) {
      const password = PASSWORDS[email];
      if (!password) throw new Error(`no test account ${email}`);
      const session = new ApiSession(server.url);
      await session.signIn(email, password);
      return session;
    },
    withDb,
    async close() {
      await server.close();
      await store.dispose();
    },
  };
}
