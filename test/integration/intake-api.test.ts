/**
 * [Intake] API on both engines: a new project asked once (refusals leave nothing behind), the
 * customer's own pieces in the room's first option through the collab store, a second project
 * that asks only for what is new, designers taking unassigned projects, stage changes with names
 * and notes on the timeline, and the style profile ranking the real catalog search.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { readItems } from '../../core/options/index.ts';
import { createUser } from '../../server/auth/users.ts';
import { loadOptionInto } from '../../server/collab/store.ts';
import { openStore } from '../../server/db/database.ts';
import type { StudioServer } from '../../server/start.ts';
import { nativeCsv, productRow, withDb } from './catalog-fixtures.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const PEOPLE = [
  { email: 'maya@intake.test', name: 'Maya Lind', role: 'customer', password: 'maya-password-1', locale: 'en-GB' },
  { email: 'camille@intake.test', name: 'Camille Laurent', role: 'designer', password: 'camille-password', locale: 'en-GB' },
  { email: 'otto@intake.test', name: 'Otto Berg', role: 'designer', password: 'otto-password-1', locale: 'en-GB' },
  { email: 'admin@intake.test', name: 'Ada Admin', role: 'admin', password: 'admin-password', locale: 'en-GB' },
  { email: 'lea@intake.test', name: 'Léa Moreau', role: 'customer', password: 'lea-password-1', locale: 'fr-FR' },
] as const;

const STYLE = {
  cards: { 'scandinavian-calm': 'like', 'japandi-quiet': 'like', 'industrial-loft': 'pass' },
  colours: { temperature: 'warm', lightness: 'light', intensity: 'muted' },
  materials: ['oak'],
  retailerIds: [] as string[],
};

const FIRST_PROJECT = {
  name: 'Our flat',
  rooms: [
    { name: 'Living room', kind: 'living', purpose: 'Reading and friends over', newPieces: [{ name: 'Grandma’s armchair', category: 'armchair', widthMm: 800, depthMm: 820, heightMm: 950 }] },
    { name: 'Study', kind: 'study', purpose: 'Working from home', newPieces: [{ name: 'Oak desk', category: 'desk', widthMm: 1400, depthMm: 700, heightMm: 740 }] },
  ],
  budget: { amountMinor: 800_000, currency: 'GBP' },
  targetDate: '2099-06-30',
  address: '12 Elm Row, Edinburgh',
  style: STYLE,
};

for (const engine of engines()) {
  describe(`[Intake] API on ${engine}`, () => {
    let store: TestStore;
    let server: StudioServer;
    const as = async (email: string) => {
      const person = PEOPLE.find((p) => p.email === email)!;
      const session = new ApiSession(server.url);
      await session.signIn(person.email, person.password);
      return session;
    };
    const projectCount = () => withDb(store, async (db) => Number((await db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));

    before(async () => {
      store = await createTestStore(engine);
      const { db, close } = await openStore(store.location);
      try {
        for (const person of PEOPLE) await createUser(db, { email: person.email, name: person.name, role: person.role, password: person.password, preferences: { locale: person.locale } });
      } finally {
        await close();
      }
      server = await startTestServer(store);
      const admin = await as('admin@intake.test');
      const csv = nativeCsv([
        productRow('AL-1', 'Alder sofa', 'sofa', [2000, 900, 800], '900.00', 'GBP', { styles: 'industrial', materials: 'steel', colours: 'charcoal' }),
        productRow('BI-1', 'Birch sofa', 'sofa', [2000, 900, 800], '950.00', 'GBP', { styles: 'scandinavian', materials: 'oak', colours: 'oatmeal' }),
        productRow('CE-1', 'Cedar lamp', 'lamp', [300, 300, 1500], '90.00', 'GBP', { styles: 'modern', materials: 'steel', colours: 'black' }),
      ]);
      const imported = await admin.request('POST', '/api/catalog/imports', { text: csv, retailer: { name: 'Nordlys', currency: 'GBP' } });
      assert.equal(imported.status, 200, JSON.stringify(imported.json));
    });
    after(async () => {
      await server?.close();
      await store?.dispose();
    });

    test('bad input is refused with the field named, and nothing is half-created', async () => {
      const maya = await as('maya@intake.test');
      const known = await maya.request('GET', '/api/intake/known');
      assert.equal(known.status, 200);
      assert.equal(known.json.currency, 'GBP', 'from the locale until a project sets it');
      assert.equal(known.json.currencyFixed, false);
      const cases: [unknown, string][] = [
        [{ ...FIRST_PROJECT, rooms: [] }, 'body.rooms'],
        [{ ...FIRST_PROJECT, budget: { amountMinor: -1, currency: 'GBP' } }, 'body.budget.amountMinor'],
        [{ ...FIRST_PROJECT, budget: { amountMinor: 100, currency: 'USD' } }, 'body.budget.currency'],
        [{ ...FIRST_PROJECT, targetDate: '2020-01-01' }, 'body.targetDate'],
        [{ ...FIRST_PROJECT, rooms: [{ ...FIRST_PROJECT.rooms[0], keptPieceIds: ['not-mine'] }] }, 'body.rooms.0.keptPieceIds.0'],
        [{ ...FIRST_PROJECT, rooms: [{ ...FIRST_PROJECT.rooms[0], newPieces: [{ name: 'Sofa', category: 'sofa', widthMm: 0, depthMm: 900, heightMm: 800 }] }] }, 'body.rooms.0.newPieces.0.widthMm'],
        [{ ...FIRST_PROJECT, rooms: [{ ...FIRST_PROJECT.rooms[0], newPieces: [{ name: 'Sofa', category: 'sofa', widthMm: 2000, depthMm: 900, heightMm: 800, photoFileId: 'someone-elses' }] }] }, 'body.rooms.0.newPieces.0.photoFileId'],
      ];
      for (const [body, path] of cases) {
        const answer = await maya.request('POST', '/api/intake/projects', body);
        assert.equal(answer.status, 400, `${path}: ${JSON.stringify(answer.json)}`);
        assert.ok(answer.json.error.issues.some((issue: { path: string }) => issue.path === path), `${path} named in ${JSON.stringify(answer.json.error.issues)}`);
      }
      assert.equal(await projectCount(), 0);
      assert.equal(await withDb(store, async (db) => (await db.selectFrom('kept_pieces').selectAll().execute()).length), 0);
      const designer = await as('camille@intake.test');
      assert.equal((await designer.request('POST', '/api/intake/projects', FIRST_PROJECT)).status, 403);
    });

    let projectId = '';
    test('a new project: rooms with their purpose, own pieces in the first option through the collab store, style, stage photos', async () => {
      const maya = await as('maya@intake.test');
      const created = await maya.request('POST', '/api/intake/projects', FIRST_PROJECT);
      assert.equal(created.status, 201, JSON.stringify(created.json));
      projectId = created.json.project.id;
      assert.equal(created.json.project.stage, 'photos', 'the style was given, so the intake is done');
      assert.equal(created.json.project.roomCount, 2);
      assert.deepEqual(created.json.project.budget, FIRST_PROJECT.budget);

      const detail = (await maya.request('GET', `/api/projects/${projectId}`)).json.project;
      const living = detail.rooms.find((room: { name: string }) => room.name === 'Living room');
      const option = detail.options.find((o: { roomId: string }) => o.roomId === living.id);
      const items = (await maya.request('GET', `/api/options/${option.id}`)).json.option.items;
      assert.equal(items.length, 1);
      assert.equal(items[0].productId, null);
      assert.equal(items[0].ownPiece.name, 'Grandma’s armchair');
      await withDb(store, async (db) => {
        const updates = await db.selectFrom('option_updates').select('id').where('option_id', '=', option.id).execute();
        assert.ok(updates.length >= 1, 'the addition is in the update log');
        const doc = new Y.Doc();
        await loadOptionInto(db, option.id, doc);
        assert.deepEqual(readItems(doc), items, 'the live document and the snapshot agree');
      });

      const tracker = (await maya.request('GET', `/api/projects/${projectId}/tracker`)).json.tracker;
      assert.deepEqual(tracker.history.map((h: { stage: string }) => h.stage), ['intake', 'photos']);
      assert.deepEqual(tracker.timeline.map((e: { text: string }) => e.text).reverse().slice(0, 2), [
        'Maya Lind started “Our flat”: two rooms, a budget of £8,000.00.',
        tracker.timeline.find((e: { kind: string }) => e.kind === 'stage.photos').text,
      ]);
      assert.match(tracker.timeline.find((e: { kind: string }) => e.kind === 'stage.photos').text, /^Maya finished the intake\. Next: design work to begin, expected by \w+ \d+ \w+\.$/);
      assert.equal(tracker.targetDate, '2099-06-30');
      assert.equal(tracker.waitingOn, 'customer');
    });

    test('a second project pre-fills what is known and asks only for what is new', async () => {
      const maya = await as('maya@intake.test');
      const known = (await maya.request('GET', '/api/intake/known')).json;
      assert.equal(known.currencyFixed, true);
      assert.equal(known.address, FIRST_PROJECT.address);
      assert.deepEqual(known.keptPieces.map((p: { name: string }) => p.name).sort(), ['Grandma’s armchair', 'Oak desk']);
      assert.deepEqual(known.styleProfile.answers.cards, STYLE.cards);
      assert.deepEqual(known.lastBudget, FIRST_PROJECT.budget);
      assert.equal(known.projectCount, 1);
      const armchair = known.keptPieces.find((p: { name: string }) => p.name === 'Grandma’s armchair');
      // Only the new things: the name, the room, the budget; the piece by reference, no style, no address.
      const second = await maya.request('POST', '/api/intake/projects', { name: 'The cottage', rooms: [{ name: 'Bedroom', kind: 'bedroom', keptPieceIds: [armchair.id] }], budget: { amountMinor: 300_000, currency: 'GBP' } });
      assert.equal(second.status, 201, JSON.stringify(second.json));
      assert.equal(second.json.project.stage, 'photos', 'the style profile is already known');
      await withDb(store, async (db) => {
        assert.equal((await db.selectFrom('kept_pieces').selectAll().execute()).length, 2, 'the kept piece is reused, not copied');
        assert.equal((await db.selectFrom('customer_profiles').select('address').executeTakeFirstOrThrow()).address, FIRST_PROJECT.address, 'the address is kept');
      });
      const detail = (await maya.request('GET', `/api/projects/${second.json.project.id}`)).json.project;
      const items = (await maya.request('GET', `/api/options/${detail.options[0].id}`)).json.option.items;
      assert.deepEqual(items.map((i: { ownPiece: { name: string } }) => i.ownPiece.name), ['Grandma’s armchair']);
    });

    test('designers see unassigned projects and take one; the customer is told who', async () => {
      const camille = await as('camille@intake.test');
      const otto = await as('otto@intake.test');
      const maya = await as('maya@intake.test');
      assert.equal((await maya.request('GET', '/api/intake/unassigned')).status, 403);
      const open = (await camille.request('GET', '/api/intake/unassigned')).json.projects;
      assert.ok(open.some((p: { id: string }) => p.id === projectId));
      const mine = open.find((p: { id: string }) => p.id === projectId);
      assert.deepEqual(mine.rooms, [{ name: 'Living room', kind: 'living' }, { name: 'Study', kind: 'study' }]);
      assert.equal((await camille.request('GET', `/api/projects/${projectId}/tracker`)).status, 403, 'not a member yet');
      const taken = await camille.request('POST', `/api/projects/${projectId}/take`);
      assert.equal(taken.status, 200, JSON.stringify(taken.json));
      assert.deepEqual(taken.json.project.designers.map((d: { name: string }) => d.name), ['Camille Laurent']);
      assert.equal((await camille.request('POST', `/api/projects/${projectId}/take`)).status, 200, 'again is fine');
      assert.equal((await otto.request('POST', `/api/projects/${projectId}/take`)).status, 409);
      assert.ok(!(await otto.request('GET', '/api/intake/unassigned')).json.projects.some((p: { id: string }) => p.id === projectId));
      const timeline = (await maya.request('GET', `/api/projects/${projectId}/tracker`)).json.tracker.timeline;
      assert.equal(timeline[0].text, 'Camille is your designer for “Our flat”.');
    });

    test('stage changes name who did it, carry a note, and are guarded by the stage seen', async () => {
      const camille = await as('camille@intake.test');
      const maya = await as('maya@intake.test');
      assert.equal((await maya.request('POST', `/api/projects/${projectId}/stage`, { from: 'photos', to: 'designing' })).status, 403);
      const moved = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'photos', to: 'designing' });
      assert.equal(moved.status, 200, JSON.stringify(moved.json));
      assert.equal(moved.json.changed, true);
      const stale = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'photos', to: 'options_ready' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.error.current.stage, 'designing');
      const again = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'photos', to: 'designing' });
      assert.equal(again.json.changed, false, 'the same change twice changes nothing');
      const ready = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'designing', to: 'options_ready', note: 'I think you will love the green one.' });
      const tracker = ready.json.tracker;
      assert.equal(tracker.stage, 'options_ready');
      const event = tracker.timeline[0];
      assert.match(event.text, /^Camille finished your two options\. Next: your comments, expected by /);
      assert.equal(event.actorName, 'Camille Laurent');
      assert.equal(event.note, 'I think you will love the green one.');
      assert.deepEqual(tracker.history.map((h: { stage: string; actorName: string }) => `${h.stage}:${h.actorName}`), ['intake:Maya Lind', 'photos:Maya Lind', 'designing:Camille Laurent', 'options_ready:Camille Laurent']);
      assert.equal(tracker.stages.find((s: { stage: string }) => s.stage === 'options_ready').status, 'current');
      const progress = (await maya.request('GET', '/api/me/progress')).json.progress;
      const flat = progress.find((p: { projectId: string }) => p.projectId === projectId);
      assert.equal(flat.waitingOn, 'customer', 'the options wait on her');
      assert.equal(flat.next.stage, 'revisions');
      const summary = (await maya.request('GET', '/api/projects')).json.projects.find((p: { id: string }) => p.id === projectId);
      assert.equal(summary.stage, 'options_ready', 'projects.stage follows the tracker');
      const told = (await maya.request('GET', '/api/notifications')).json.notifications.find((n: { kind: string }) => n.kind === 'stage.options_ready');
      assert.equal(told?.title, 'Our flat', 'the customer is told about the designer’s step');
      assert.equal(told?.body, event.text);
    });

    test('a stage change carries a short video of the project’s own, nothing else', async () => {
      const camille = await as('camille@intake.test');
      const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64, 1)]);
      const uploaded = await fetch(`${server.url}/api/projects/${projectId}/video-notes?name=hello.mp4`, { method: 'POST', headers: { cookie: camille.cookie, 'content-type': 'video/mp4' }, body: video });
      assert.equal(uploaded.status, 201, await uploaded.clone().text());
      const fileId = ((await uploaded.json()) as { file: { id: string } }).file.id;
      const refused = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'options_ready', to: 'revisions', attachmentId: 'not-a-file' });
      assert.equal(refused.status, 400);
      assert.equal(refused.json.error.issues[0].path, 'body.attachmentId');
      const moved = await camille.request('POST', `/api/projects/${projectId}/stage`, { from: 'options_ready', to: 'revisions', note: 'A quick walk through the changes.', attachmentId: fileId });
      assert.equal(moved.status, 200, JSON.stringify(moved.json));
      const event = moved.json.tracker.timeline[0];
      assert.equal(event.attachmentId, fileId);
      assert.equal(event.note, 'A quick walk through the changes.');
      const maya = await as('maya@intake.test');
      assert.equal((await fetch(`${server.url}/api/files/${fileId}`, { headers: { cookie: maya.cookie } })).status, 200, 'the customer can play it');
    });

    test('a customer who skipped the style questions answers them later; the waiting project moves on', async () => {
      const lea = await as('lea@intake.test');
      assert.equal((await lea.request('GET', '/api/intake/known')).json.currency, 'EUR');
      const started = await lea.request('POST', '/api/intake/projects', { name: 'Studio flat', rooms: [{ name: 'Main room', kind: 'living' }], budget: { amountMinor: 250_000, currency: 'EUR' } });
      assert.equal(started.status, 201, JSON.stringify(started.json));
      assert.equal(started.json.project.stage, 'intake', 'waiting for the style profile');
      assert.equal((await lea.request('GET', '/api/me/style-profile')).json.profile, null);
      const progress = (await lea.request('GET', '/api/me/progress')).json.progress[0];
      assert.equal(progress.waitingOn, 'customer');
      const bad = await lea.request('PUT', '/api/me/style-profile', { ...STYLE, cards: { 'no-such-card': 'like' } });
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.issues.some((issue: { path: string }) => issue.path.startsWith('body.cards')), JSON.stringify(bad.json.error.issues));
      const saved = await lea.request('PUT', '/api/me/style-profile', STYLE);
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      assert.deepEqual(saved.json.profile.summary.avoids, ['industrial']);
      const tracker = (await lea.request('GET', `/api/projects/${started.json.project.id}/tracker`)).json.tracker;
      assert.equal(tracker.stage, 'photos');
      assert.match(tracker.timeline[0].text, /^Léa finished the intake\./);
      const designer = await as('camille@intake.test');
      assert.equal((await designer.request('PUT', '/api/me/style-profile', STYLE)).status, 403, 'only a customer has a style profile');
    });

    test('the style profile ranks the real search: a matching product above a non-matching one', async () => {
      const maya = await as('maya@intake.test');
      const camille = await as('camille@intake.test');
      const otto = await as('otto@intake.test');
      const names = (answer: { json: { hits: { product: { name: string } }[] } }) => answer.json.hits.map((hit) => hit.product.name);
      const plain = await camille.request('GET', '/api/catalog/search?q=sofa');
      assert.equal(plain.json.styleProfileUsed, false);
      assert.deepEqual(names(plain), ['Alder sofa', 'Birch sofa'], 'equal relevance: name order');
      const hers = await maya.request('GET', '/api/catalog/search?q=sofa');
      assert.equal(hers.json.styleProfileUsed, true);
      assert.deepEqual(names(hers), ['Birch sofa', 'Alder sofa'], 'scandinavian, oak, oatmeal first for her');
      const forHer = await camille.request('GET', `/api/catalog/search?q=sofa&projectId=${projectId}`);
      assert.deepEqual(names(forHer), ['Birch sofa', 'Alder sofa'], "a designer searching in her project ranks by her profile");
      assert.ok(forHer.json.hits[0].score > forHer.json.hits[1].score);
      const browse = await maya.request('GET', '/api/catalog/search');
      assert.equal(names(browse)[0], 'Birch sofa', 'without words, by affinity');
      assert.equal((await otto.request('GET', `/api/catalog/search?q=sofa&projectId=${projectId}`)).status, 403);

      const summary = (await camille.request('GET', `/api/projects/${projectId}/style-profile`)).json;
      assert.equal(summary.customer.name, 'Maya Lind');
      assert.equal(summary.profile.summary.styles[0], 'scandinavian');
      assert.ok(summary.profile.summary.avoids.includes('industrial'));
      assert.deepEqual(summary.rooms.map((r: { purpose: string }) => r.purpose), ['Reading and friends over', 'Working from home']);
      assert.equal(summary.rooms[1].keptPieces[0].name, 'Oak desk');
    });
  });
}
