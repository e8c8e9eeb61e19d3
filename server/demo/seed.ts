import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { PlacedItem, RoomShape } from '../../core/room.ts';
import type { Category } from '../../core/catalog.ts';
import { createUser } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { PROJECT_ROOT } from '../version.ts';
import { importSeedCatalog } from '../catalog/seed.ts';

/** The demo studio's people. Passwords are public on purpose: they are in the README. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@atelier.test', name: 'Ada Admin', role: 'admin', password: 'atelier-demo-admin' },
  { email: 'designer@atelier.test', name: 'Camille Laurent', role: 'designer', password: 'atelier-demo-designer' },
  { email: 'customer@atelier.test', name: 'Maya Okafor', role: 'customer', password: 'atelier-demo-customer' },
  { email: 'support@atelier.test', name: 'Sam Rivera', role: 'support', password: 'atelier-demo-support' },
  { email: 'jonas@atelier.test', name: 'Jonas Berg', role: 'customer', password: 'atelier-demo-jonas' },
] as const;

export const SEED_DIR = path.join(PROJECT_ROOT, 'assets', 'seed');

const DEMO_ROOM: RoomShape = {
  outline: [
    { x: 0, y: 0 },
    { x: 5200, y: 0 },
    { x: 5200, y: 4200 },
    { x: 0, y: 4200 },
  ],
  ceilingHeightMm: 2600,
  wallThicknessMm: 120,
  openings: [
    { id: 'window-1', kind: 'window', wallIndex: 0, offsetMm: 1800, widthMm: 1600, heightMm: 1400, sillHeightMm: 850 },
    { id: 'door-1', kind: 'door', wallIndex: 2, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' },
  ],
  floor: { colour: '#c8a27a', material: 'oak' },
  walls: { colour: '#f1ece4', material: 'paint' },
};

/** Where each demo piece stands, by category: plan position (mm) and rotation. */
const DEMO_LAYOUT: readonly { category: Category; xMm: number; yMm: number; rotationDeg: number; elevationMm?: number; pick?: number }[] = [
  // The sofa faces the TV across the rug, clear of the door's swing (x 3700–4600 along the back wall).
  { category: 'rug', xMm: 2400, yMm: 2500, rotationDeg: 0 },
  { category: 'sofa', xMm: 2400, yMm: 3680, rotationDeg: 180 },
  { category: 'coffee table', xMm: 2400, yMm: 2600, rotationDeg: 0 },
  { category: 'armchair', xMm: 1150, yMm: 2100, rotationDeg: 270 },
  { category: 'armchair', xMm: 3650, yMm: 2100, rotationDeg: 90, pick: 1 },
  { category: 'tv unit', xMm: 2400, yMm: 240, rotationDeg: 0 },
  { category: 'lamp', xMm: 1100, yMm: 3900, rotationDeg: 0 },
  { category: 'plant', xMm: 450, yMm: 450, rotationDeg: 0 },
  { category: 'bookcase', xMm: 200, yMm: 3790, rotationDeg: 270 },
  // A console under the mirror on the right-hand wall.
  { category: 'side table', xMm: 4990, yMm: 1200, rotationDeg: 90 },
  { category: 'wall art', xMm: 2400, yMm: 4140, rotationDeg: 180, elevationMm: 1300 },
  { category: 'mirror', xMm: 5140, yMm: 1200, rotationDeg: 90, elevationMm: 1100 },
];

async function chooseProduct(db: Kysely<Database>, category: Category, pick: number): Promise<string | null> {
  // One currency in one option: the demo customer's budget is in US dollars.
  const rows = await db.selectFrom('products').select('id').where('category', '=', category).where('currency', '=', 'USD').orderBy('sku').limit(pick + 1).execute();
  return rows[pick]?.id ?? rows[0]?.id ?? null;
}

/**
 * Seeds the demo studio once: people, the catalog, and Maya's living room furnished with one
 * option. Running it again changes nothing and returns the credentials.
 */
export async function seedDemo(db: Kysely<Database>): Promise<{ email: string; password: string; role: string }[]> {
  const credentials = DEMO_ACCOUNTS.map(({ email, password, role }) => ({ email, password, role }));
  const already = await db.selectFrom('users').select('id').where('email', '=', 'designer@atelier.test').executeTakeFirst();
  if (already) return credentials;

  await importSeedCatalog(db, SEED_DIR);

  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser(db, { email: account.email, name: account.name, role: account.role, password: account.password });
    users.set(account.email, user.id);
  }
  const designerId = users.get('designer@atelier.test')!;
  const now = new Date().toISOString();

  const items: PlacedItem[] = [];
  for (const spot of DEMO_LAYOUT) {
    const productId = await chooseProduct(db, spot.category, spot.pick ?? 0);
    if (!productId) continue;
    items.push({ id: randomUUID(), productId, xMm: spot.xMm, yMm: spot.yMm, rotationDeg: spot.rotationDeg, elevationMm: spot.elevationMm ?? 0, quantity: 1 });
  }

  const projects = [
    { name: "Maya's living room", customer: 'customer@atelier.test', budgetMinor: 900_000, stage: 'designing', room: 'Living room', items },
    { name: "Jonas's study", customer: 'jonas@atelier.test', budgetMinor: 300_000, stage: 'intake', room: 'Study', items: [] as PlacedItem[] },
  ];
  await db.transaction().execute(async (trx) => {
    for (const project of projects) {
      const projectId = randomUUID();
      const customerId = users.get(project.customer)!;
      await trx
        .insertInto('projects')
        .values({ id: projectId, name: project.name, stage: project.stage, customer_id: customerId, budget_minor: project.budgetMinor, budget_currency: 'USD', created_at: now, updated_at: now })
        .execute();
      await trx
        .insertInto('project_members')
        .values([
          { project_id: projectId, user_id: customerId, role: 'customer', added_at: now },
          { project_id: projectId, user_id: designerId, role: 'designer', added_at: now },
        ])
        .execute();
      const roomId = randomUUID();
      await trx.insertInto('rooms').values({ id: roomId, project_id: projectId, name: project.room, shape: JSON.stringify(DEMO_ROOM), created_at: now, updated_at: now }).execute();
      await trx
        .insertInto('design_options')
        .values({ id: randomUUID(), room_id: roomId, name: 'Option A — warm modern', document: JSON.stringify({ schemaVersion: 1, items: project.items }), created_at: now, updated_at: now })
        .execute();
    }
  });
  return credentials;
}
