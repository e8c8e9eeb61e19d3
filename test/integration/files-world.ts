/** The [Watch] claims world plus a room in Maya's project, and raw-bytes uploads for the files tests. */
import type { ApiSession } from './harness.ts';
import { daysAgo, PROJECT_ID, type ClaimsWorld } from './claims-world.ts';

export const ROOM_ID = 'room-maya-living';

/** Maya's sofa and Jonas's chairs each get a claim: a price feed that drops both. */
export const DROPPING_FEED = [{ source: 'monday.csv', rows: [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`, `Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`] }];

export async function addRoom(world: ClaimsWorld): Promise<void> {
  const shape = {
    outline: [{ x: 0, y: 0 }, { x: 4000, y: 0 }, { x: 4000, y: 3000 }, { x: 0, y: 3000 }],
    ceilingHeightMm: 2500,
    wallThicknessMm: 100,
    openings: [{ id: 'win-1', kind: 'window', wallIndex: 1, offsetMm: 600, widthMm: 1200, heightMm: 1300, sillHeightMm: 900 }],
    floor: { colour: '#c8b090', material: 'oak' },
    walls: { colour: '#f0ede6', material: 'paint' },
  };
  const now = new Date().toISOString();
  await world.withDb((db) => db.insertInto('rooms').values({ id: ROOM_ID, project_id: PROJECT_ID, name: 'Living room', shape: JSON.stringify(shape), created_at: now, updated_at: now }).execute());
}

export async function upload(session: ApiSession, path: string, bytes: Uint8Array, contentType = 'application/octet-stream'): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(session.baseUrl + path, { method: path.includes('/thumbnail') ? 'PUT' : 'POST', headers: { cookie: session.cookie, 'content-type': contentType }, body: new Uint8Array(bytes) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

