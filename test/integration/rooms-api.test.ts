/**
 * [Room] The room shell's API on both engines: create (shape or preset, with the first empty
 * option), update under optimistic concurrency, delete only what nobody furnished; geometry
 * refused with the wall or opening named; nothing saved half-way; who may do it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser } from '../../server/auth/users.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import { nextUpdatedAt } from '../../server/routes/rooms.ts';
import type { StudioServer } from '../../server/start.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const shape = (overrides: Record<string, unknown> = {}) => ({
  outline: [
    { x: 0, y: 0 },
    { x: 4200, y: 0 },
    { x: 4200, y: 3600 },
    { x: 0, y: 3600 },
  ],
  ceilingHeightMm: 2500,
  wallThicknessMm: 100,
  openings: [{ id: 'door-1', kind: 'door', wallIndex: 0, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' }],
  floor: { colour: '#c8a27a', material: 'wood' },
  walls: { colour: '#f1ece4', material: 'paint' },
  ...overrides,
});

test('a new updatedAt is always later than the one it replaces', () => {
  assert.equal(nextUpdatedAt('2026-01-01T10:00:00.000Z', new Date('2026-01-01T10:00:05.000Z')), '2026-01-01T10:00:05.000Z');
  assert.equal(nextUpdatedAt('2026-01-01T10:00:00.000Z', new Date('2026-01-01T10:00:00.000Z')), '2026-01-01T10:00:00.001Z');
  assert.equal(nextUpdatedAt('2026-01-01T10:00:09.000Z', new Date('2026-01-01T10:00:00.000Z')), '2026-01-01T10:00:09.001Z', 'a clock that stepped back still moves the version on');
});

for (const engine of engines()) {
  describe(`[Room] rooms API on ${engine}`, () => {
    let testStore: TestStore;
    let server: StudioServer;
    let store: Store;
    let projectId: string;
    const sessions = new Map<string, ApiSession>();
    const as = async (email: string) => {
      let session = sessions.get(email);
      if (!session) {
        session = new ApiSession(server.url);
        await session.signIn(email, `${email.split('@')[0]}-password`);
        sessions.set(email, session);
      }
      return session;
    };
    const roomCount = async () => Number((await store.db.selectFrom('rooms').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n);

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      await createUser(store.db, { email: 'des@t.test', name: 'Dana Designer', role: 'designer', password: 'des-password' });
      await createUser(store.db, { email: 'other@t.test', name: 'Otto Other', role: 'designer', password: 'other-password' });
      const ann = await createUser(store.db, { email: 'ann@t.test', name: 'Ann', role: 'customer', password: 'ann-password' });
      await createUser(store.db, { email: 'sup@t.test', name: 'Sup', role: 'support', password: 'sup-password' });
      await createUser(store.db, { email: 'admin@t.test', name: 'Ada', role: 'admin', password: 'admin-password' });
      server = await startTestServer(testStore);
      const created = await (await as('des@t.test')).request('POST', '/api/projects', { name: 'Ann’s flat', customerId: ann.id });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      projectId = created.json.project.id;
    });
    after(async () => {
      await server?.close();
      await store?.close();
      await testStore?.dispose();
    });

    test('a designer creates a room from a preset; its first option is empty and opens', async () => {
      const des = await as('des@t.test');
      const { status, json } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Bedroom', preset: { kind: 'rectangle', widthMm: 4200, depthMm: 3600 } });
      assert.equal(status, 201, JSON.stringify(json));
      assert.deepEqual(json.room.outline, shape().outline);
      assert.equal(json.room.ceilingHeightMm, 2500);
      assert.deepEqual(json.room.openings, []);
      assert.equal(json.option.itemCount, 0);
      assert.equal(json.option.roomId, json.room.id);

      const project = await des.request('GET', `/api/projects/${projectId}`);
      assert.ok(project.json.project.rooms.some((r: { id: string }) => r.id === json.room.id));
      assert.ok(project.json.project.options.some((o: { id: string }) => o.id === json.option.id));
      const option = await des.request('GET', `/api/options/${json.option.id}`);
      assert.equal(option.status, 200, JSON.stringify(option.json));
      assert.deepEqual(option.json.option.items, []);
      const events = await store.db.selectFrom('timeline_events').selectAll().where('project_id', '=', projectId).where('kind', '=', 'room.created').execute();
      assert.equal(events.length, 1);
      assert.match(events[0]!.text, /Dana Designer added the room “Bedroom” \(4\.2 m × 3\.6 m\)/);

      const lShape = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Living', preset: { kind: 'l-shape', widthMm: 6000, depthMm: 5000, cutWidthMm: 2000, cutDepthMm: 1500 } });
      assert.equal(lShape.status, 201);
      assert.equal(lShape.json.room.outline.length, 6);
    });

    test('a whole shape with a door is stored as sent', async () => {
      const des = await as('des@t.test');
      const { status, json } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Study', shape: shape() });
      assert.equal(status, 201, JSON.stringify(json));
      const read = await des.request('GET', `/api/rooms/${json.room.id}`);
      assert.deepEqual(read.json.room.openings, shape().openings);
      assert.equal(read.json.room.updatedAt, json.room.updatedAt);
    });

    test('an unbuildable room is refused naming the wall or opening, and nothing is saved', async () => {
      const des = await as('des@t.test');
      const before = await roomCount();
      const refusals: [unknown, RegExp, string][] = [
        [{ shape: shape({ outline: [{ x: 0, y: 0 }, { x: 800, y: 0 }, { x: 800, y: 3000 }, { x: 0, y: 3000 }], openings: [{ ...shape().openings[0], offsetMm: 0 }] }) }, /wall 1 \(800 mm\) is shorter than door 1 on it \(900 mm wide\)/, 'body.shape.openings[0].widthMm'],
        [{ shape: shape({ outline: [{ x: 0, y: 0 }, { x: 3000, y: 0 }, { x: 3000, y: 3000 }, { x: 1000, y: 3000 }, { x: 4000, y: 1500 }, { x: 0, y: 1500 }], openings: [] }) }, /wall 2 crosses wall 5/, 'body.shape.outline'],
        [{ shape: shape({ openings: [...shape().openings, { id: 'w', kind: 'window', wallIndex: 0, offsetMm: 1200, widthMm: 1200, heightMm: 1200, sillHeightMm: 900 }] }) }, /window 1 overlaps door 1 on wall 1 by 300 mm/, 'body.shape.openings[1].offsetMm'],
        [{ shape: shape({ outline: [{ x: 0, y: 0 }, { x: 31_000, y: 0 }, { x: 31_000, y: 3000 }, { x: 0, y: 3000 }], openings: [] }) }, /spans 31000 mm, more than 30000 mm/, 'body.shape.outline'],
        [{ shape: shape({ openings: [{ ...shape().openings[0], offsetMm: 3800 }] }) }, /door 1 runs past the end of wall 1/, 'body.shape.openings[0].offsetMm'],
        [{ shape: shape({ openings: [shape().openings[0], { ...shape().openings[0], wallIndex: 2 }] }) }, /share the id "door-1"/, 'body.shape.openings[1].id'],
        [{ preset: { kind: 'l-shape', widthMm: 4000, depthMm: 3000, cutWidthMm: 4000, cutDepthMm: 1000 } }, /cut width 4000 mm must be less than the width 4000 mm/, 'body.preset'],
      ];
      for (const [body, message, path] of refusals) {
        const { status, json } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Broken', ...(body as object) });
        assert.equal(status, 400, JSON.stringify(json));
        assert.equal(json.error.code, 'invalid_room');
        assert.match(json.error.message, message);
        assert.ok(json.error.issues.some((i: { path: string }) => i.path === path), JSON.stringify(json.error.issues));
      }
      const negative = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Broken', shape: shape({ openings: [{ ...shape().openings[0], widthMm: -900 }] }) });
      assert.equal(negative.status, 400);
      assert.match(negative.json.error.message, /body\.shape\.openings\.0\.widthMm: must be greater than zero/);
      const both = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Both', shape: shape(), preset: { kind: 'rectangle', widthMm: 1000, depthMm: 1000 } });
      assert.equal(both.status, 400);
      assert.match(both.json.error.message, /either a shape or a preset/);
      assert.equal(await roomCount(), before);
    });

    test('an update from the current version lands; a stale one gets 409 with the room as it is', async () => {
      const des = await as('des@t.test');
      const { json: created } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Kitchen', shape: shape() });
      const roomId = created.room.id;
      const wider = shape({ outline: [{ x: 0, y: 0 }, { x: 4800, y: 0 }, { x: 4800, y: 3600 }, { x: 0, y: 3600 }] });
      const first = await des.request('PUT', `/api/rooms/${roomId}`, { expectedUpdatedAt: created.room.updatedAt, shape: wider, name: 'Kitchen-diner' });
      assert.equal(first.status, 200, JSON.stringify(first.json));
      assert.equal(first.json.room.name, 'Kitchen-diner');
      assert.equal(first.json.room.outline[1].x, 4800);
      assert.ok(first.json.room.updatedAt > created.room.updatedAt);

      const stale = await des.request('PUT', `/api/rooms/${roomId}`, { expectedUpdatedAt: created.room.updatedAt, shape: shape() });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.error.code, 'conflict');
      assert.equal(stale.json.error.current.updatedAt, first.json.room.updatedAt);
      assert.equal(stale.json.error.current.outline[1].x, 4800);

      const invalid = await des.request('PUT', `/api/rooms/${roomId}`, { expectedUpdatedAt: first.json.room.updatedAt, shape: shape({ ceilingHeightMm: 40_000 }) });
      assert.equal(invalid.status, 400);
      assert.equal((await des.request('GET', `/api/rooms/${roomId}`)).json.room.updatedAt, first.json.room.updatedAt, 'a refused change leaves the room as it was');
      const events = await store.db.selectFrom('timeline_events').select('text').where('project_id', '=', projectId).where('kind', '=', 'room.updated').execute();
      assert.deepEqual(events.map((e) => e.text), ['Dana Designer updated the room “Kitchen-diner” (renamed from “Kitchen”)']);
    });

    test('six editors saving from the same version at once: one lands, five get 409', async () => {
      const des = await as('des@t.test');
      const { json: created } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Hall', shape: shape() });
      const results = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((i) => des.request('PUT', `/api/rooms/${created.room.id}`, { expectedUpdatedAt: created.room.updatedAt, shape: shape({ ceilingHeightMm: 2400 + i * 10 }) })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.json.room;
      for (const r of results.filter((r) => r.status === 409)) assert.equal(r.json.error.current.ceilingHeightMm, winner.ceilingHeightMm);
      assert.equal((await des.request('GET', `/api/rooms/${created.room.id}`)).json.room.ceilingHeightMm, winner.ceilingHeightMm);
    });

    test('only the project’s designers (and admins) edit rooms', async () => {
      const { json: created } = await (await as('des@t.test')).request('POST', `/api/projects/${projectId}/rooms`, { name: 'Guarded', shape: shape() });
      const roomId = created.room.id;
      const body = { name: 'Nope', shape: shape() };
      for (const email of ['ann@t.test', 'sup@t.test', 'other@t.test']) {
        const session = await as(email);
        assert.equal((await session.request('POST', `/api/projects/${projectId}/rooms`, body)).status, 403, email);
        assert.equal((await session.request('PUT', `/api/rooms/${roomId}`, { expectedUpdatedAt: created.room.updatedAt, name: 'Nope' })).status, 403, email);
        assert.equal((await session.request('DELETE', `/api/rooms/${roomId}?expectedUpdatedAt=${encodeURIComponent(created.room.updatedAt)}`)).status, 403, email);
      }
      const des = await as('des@t.test');
      assert.equal((await des.request('POST', '/api/projects/no-such-project/rooms', body)).status, 404);
      assert.equal((await des.request('PUT', '/api/rooms/no-such-room', { expectedUpdatedAt: created.room.updatedAt })).status, 404);
      const anonymous = new ApiSession(server.url);
      assert.equal((await anonymous.request('POST', `/api/projects/${projectId}/rooms`, body)).status, 401);
      assert.equal((await (await as('ann@t.test')).request('GET', `/api/rooms/${roomId}`)).status, 200, 'the customer still sees the room');
      const admin = await as('admin@t.test');
      const renamed = await admin.request('PUT', `/api/rooms/${roomId}`, { expectedUpdatedAt: created.room.updatedAt, name: 'Renamed by admin' });
      assert.equal(renamed.status, 200);
      assert.equal((await des.request('GET', `/api/rooms/${roomId}`)).json.room.name, 'Renamed by admin');
    });

    test('a room is deleted with its empty options; a furnished one is kept with the reason', async () => {
      const des = await as('des@t.test');
      const { json: empty } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Spare', shape: shape() });
      const stale = await des.request('DELETE', `/api/rooms/${empty.room.id}?expectedUpdatedAt=${encodeURIComponent('2020-01-01T00:00:00.000Z')}`);
      assert.equal(stale.status, 409);
      const gone = await des.request('DELETE', `/api/rooms/${empty.room.id}?expectedUpdatedAt=${encodeURIComponent(empty.room.updatedAt)}`);
      assert.equal(gone.status, 200, JSON.stringify(gone.json));
      assert.equal((await des.request('GET', `/api/rooms/${empty.room.id}`)).status, 404);
      assert.equal((await store.db.selectFrom('design_options').select('id').where('room_id', '=', empty.room.id).execute()).length, 0);

      const { json: lived } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Lounge', shape: shape() });
      const item = { id: 'i1', productId: null, xMm: 1000, yMm: 1000, rotationDeg: 0, elevationMm: 0, quantity: 1, ownPiece: { name: 'Old chair', category: 'armchair', widthMm: 800, depthMm: 800, heightMm: 900 } };
      await store.db.updateTable('design_options').set({ document: JSON.stringify({ schemaVersion: 2, items: [item], finishes: { floor: null, walls: null } }) }).where('id', '=', lived.option.id).execute();
      const kept = await des.request('DELETE', `/api/rooms/${lived.room.id}?expectedUpdatedAt=${encodeURIComponent(lived.room.updatedAt)}`);
      assert.equal(kept.status, 409);
      assert.equal(kept.json.error.code, 'room_in_use');
      assert.match(kept.json.error.message, /“Lounge” can't be deleted: “Option A” has pieces/);
      // A room the customer described in their intake keeps their answers: it is not deleted either.
      const { json: described } = await des.request('POST', `/api/projects/${projectId}/rooms`, { name: 'Nursery', shape: shape() });
      await store.db.insertInto('intake_rooms').values({ room_id: described.room.id, project_id: projectId, kind: 'bedroom', purpose: 'for the baby' }).execute();
      const answered = await des.request('DELETE', `/api/rooms/${described.room.id}?expectedUpdatedAt=${encodeURIComponent(described.room.updatedAt)}`);
      assert.equal(answered.status, 409);
      assert.match(answered.json.error.message, /the customer described it in their intake/);
      assert.equal((await des.request('GET', `/api/rooms/${lived.room.id}`)).status, 200);
    });
  });
}
