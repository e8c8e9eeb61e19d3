/**
 * [Options] API on both engines, over the demo studio: options (create, duplicate, rename,
 * delete), versions (publish with a note, 409 on a stale number, browse, what changed), compare
 * with the budget and a currency error, comments with notifications, approval (twice, replace,
 * lock), the shopping list (totals = the option's total, CSV = the list) and "mark purchased"
 * feeding [Watch] — and who may do each.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { swapItem } from '../../core/options/index.ts';
import { readCsv } from '../../core/catalog/csv.ts';
import { can, type Role } from '../../core/permissions.ts';
import { appendUpdate, loadOptionInto } from '../../server/collab/store.ts';
import { openStore } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import type { StudioServer } from '../../server/start.ts';
import { solidPng } from '../fixtures/images.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

/** A live edit as the collab server stores it: an update appended to the option's log. */
async function editLive(db: Kysely<Database>, optionId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  await loadOptionInto(db, optionId, doc);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  await appendUpdate(db, optionId, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}

/** The export read back with the catalog's own CSV reader (RFC 4180). */
async function parseCsv(text: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const event of readCsv([text])) if (event.kind === 'record') rows.push([...event.fields]);
  return rows;
}

test('[Options] permissions: the customer swaps, comments and approves in her own project; the designer edits and publishes; support reads', () => {
  const table = (role: Role, member: boolean) => (['option:swap', 'option:comment', 'option:approve', 'option:edit', 'project:read', 'purchase:record'] as const).filter((action) => can({ role }, action, member));
  assert.deepEqual(table('customer', true), ['option:swap', 'option:comment', 'option:approve', 'project:read', 'purchase:record']);
  assert.deepEqual(table('customer', false), []);
  assert.deepEqual(table('designer', true), ['option:swap', 'option:comment', 'option:edit', 'project:read', 'purchase:record']);
  assert.deepEqual(table('designer', false), []);
  assert.deepEqual(table('support', false), ['project:read', 'purchase:record']);
});

for (const engine of engines()) {
  describe(`[Options] API on ${engine}`, () => {
    let store: TestStore;
    let server: StudioServer;
    let db: Kysely<Database>;
    let closeDb: () => Promise<void>;
    let designer: ApiSession;
    let customer: ApiSession;
    let support: ApiSession;
    let jonas: ApiSession;
    let projectId: string;
    let roomId: string;
    let optionA: string;
    let optionB: string;
    let chairItem: string;
    let dearerChair: { id: string; price: number };
    let chairPrice: number;

    before(async () => {
      store = await createTestStore(engine);
      server = await startTestServer(store, { demo: true });
      ({ db, close: closeDb } = await openStore(store.location));
      designer = new ApiSession(server.url);
      await designer.signIn('designer@atelier.test', 'atelier-demo-designer');
      customer = new ApiSession(server.url);
      await customer.signIn('customer@atelier.test', 'atelier-demo-customer');
      support = new ApiSession(server.url);
      await support.signIn('support@atelier.test', 'atelier-demo-support');
      jonas = new ApiSession(server.url);
      await jonas.signIn('jonas@atelier.test', 'atelier-demo-jonas');
      const projects = (await customer.request('GET', '/api/projects')).json.projects;
      projectId = projects.find((p: any) => p.name === "Maya's living room").id;
      const detail = (await designer.request('GET', `/api/projects/${projectId}`)).json.project;
      roomId = detail.rooms[0].id;
      optionA = detail.options[0].id;
      const option = (await designer.request('GET', `/api/options/${optionA}`)).json;
      const chair = option.products.find((p: any) => p.category === 'armchair');
      chairItem = option.option.items.find((i: any) => i.productId === chair.id).id;
      chairPrice = chair.price.amountMinor;
      const dearer = await db.selectFrom('products').select(['id', 'price_minor']).where('category', '=', 'armchair').where('currency', '=', 'USD').where('price_minor', '>', chairPrice).orderBy('price_minor').executeTakeFirstOrThrow();
      dearerChair = { id: dearer.id, price: dearer.price_minor };
    });
    after(async () => {
      await closeDb?.();
      await server?.close();
      await store?.dispose();
    });

    test('options: the designer duplicates, creates, renames and deletes; others may not', async () => {
      const copy = await designer.request('POST', `/api/rooms/${roomId}/options`, { name: 'Option B — lighter', duplicateOf: optionA });
      assert.equal(copy.status, 201, JSON.stringify(copy.json));
      optionB = copy.json.option.id;
      const original = (await designer.request('GET', `/api/options/${optionA}`)).json.option.items;
      assert.equal(copy.json.itemCount, original.length, 'the copy has every piece of the original');
      const empty = await designer.request('POST', `/api/rooms/${roomId}/options`, { name: 'Option C' });
      assert.equal(empty.status, 201);
      assert.equal(empty.json.itemCount, 0);
      const renamed = await designer.request('PATCH', `/api/options/${empty.json.option.id}`, { name: 'Option C — bold' });
      assert.equal(renamed.json.option.name, 'Option C — bold');
      assert.equal((await designer.request('PATCH', `/api/options/${optionA}`, { name: '  ' })).status, 400);
      assert.equal((await customer.request('POST', `/api/rooms/${roomId}/options`, { name: 'Mine' })).status, 403);
      assert.equal((await support.request('POST', `/api/rooms/${roomId}/options`, { name: 'Mine' })).status, 403);
      assert.equal((await jonas.request('POST', `/api/rooms/${roomId}/options`, { name: 'Mine' })).status, 403);
      assert.equal((await designer.request('POST', `/api/rooms/does-not-exist/options`, { name: 'X' })).status, 404);
      assert.equal((await customer.request('DELETE', `/api/options/${empty.json.option.id}`)).status, 403);
      assert.equal((await designer.request('DELETE', `/api/options/${empty.json.option.id}`)).status, 200);
      const after = (await designer.request('GET', `/api/projects/${projectId}`)).json.project.options.map((o: any) => o.id);
      assert.deepEqual(after.sort(), [optionA, optionB].sort());
    });

    test('versions: publish v1 with a note, the customer is told; a stale number is a 409 with the current one', async () => {
      assert.equal((await customer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 0, note: 'Mine' })).status, 403);
      assert.equal((await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 0, note: '' })).status, 400);
      const upload = async (session: ApiSession, bytes: Uint8Array) => {
        const response = await fetch(`${server.url}/api/options/${optionA}/attachments?name=sketch.png`, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/octet-stream' }, body: new Blob([new Uint8Array(bytes)]) });
        return { status: response.status, json: (await response.json()) as any };
      };
      assert.equal((await upload(customer, solidPng(16, 12))).status, 403);
      assert.equal((await upload(designer, new TextEncoder().encode('<html>not a photo</html>'))).status, 415);
      const photo = await upload(designer, solidPng(16, 12));
      assert.equal(photo.status, 201, JSON.stringify(photo.json));
      assert.equal((await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 0, note: 'x', attachmentId: 'no-such-file' })).status, 400);
      const v1 = await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 0, note: 'Warm woods and a deep sofa — see the chairs by the window.', attachmentId: photo.json.file.id });
      assert.equal(v1.status, 201, JSON.stringify(v1.json));
      assert.equal(v1.json.version.attachment.mediaType, 'image/png');
      const seen = await fetch(server.url + v1.json.version.attachment.url, { headers: { cookie: customer.cookie } });
      assert.equal(seen.status, 200, 'the customer sees the note’s photo');
      assert.equal((await fetch(server.url + v1.json.version.attachment.url, { headers: { cookie: jonas.cookie } })).status, 403);
      assert.equal(v1.json.version.label, 'v1');
      assert.equal(v1.json.version.publishedBy.name, 'Camille Laurent');
      assert.equal(v1.json.version.pricing.ok, true);
      const stale = await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 0, note: 'Again' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.error.code, 'stale_version');
      assert.equal(stale.json.error.current.number, 1);
      const notes = (await customer.request('GET', '/api/notifications')).json.notifications;
      const told = notes.find((n: any) => n.kind === 'option.published');
      assert.equal(told?.title, 'Camille published v1 of Option A — warm modern');
      assert.match(told.body, /Warm woods/);
      const timeline = await db.selectFrom('timeline_events').select(['text', 'kind']).where('project_id', '=', projectId).where('kind', '=', 'option.published').execute();
      assert.equal(timeline.length, 1);
      const tracker = (await customer.request('GET', `/api/projects/${projectId}/tracker`)).json.tracker;
      assert.deepEqual(
        { stage: tracker.history.at(-1).stage, by: tracker.history.at(-1).actorName },
        { stage: 'options_ready', by: 'Camille Laurent' },
        'publishing moves the project to "options ready" through the stage tracker, naming the designer',
      );
      const list = await customer.request('GET', `/api/options/${optionA}/versions`);
      assert.deepEqual(list.json.versions.map((v: any) => v.label), ['v1']);
      const read = await support.request('GET', `/api/options/${optionA}/versions/1`);
      assert.equal(read.status, 200);
      assert.equal(read.json.document.items.length, list.json.versions[0].itemCount);
      assert.equal((await jonas.request('GET', `/api/options/${optionA}/versions`)).status, 403);
      assert.equal((await customer.request('GET', `/api/options/${optionA}/versions/9`)).status, 404);
    });

    test('what changed: a swap in the live document, then v2 — swapped piece and the exact price change', async () => {
      const none = await customer.request('GET', `/api/options/${optionA}/changes?from=1&to=live`);
      assert.equal(none.json.result.ok, true);
      assert.equal(none.json.result.priceChange.amountMinor, 0);
      await editLive(db, optionA, (doc) => assert.equal(swapItem(doc, chairItem, dearerChair.id, 'test').ok, true));
      const live = await customer.request('GET', `/api/options/${optionA}/changes?from=1&to=live`);
      assert.equal(live.json.result.swapped.length, 1);
      assert.equal(live.json.result.swapped[0].priceChange.amountMinor, dearerChair.price - chairPrice);
      assert.equal(live.json.result.priceChange.amountMinor, dearerChair.price - chairPrice);
      const v2 = await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 1, note: 'The dearer chair.' });
      assert.equal(v2.status, 201);
      const changes = await customer.request('GET', `/api/options/${optionA}/changes?from=1&to=2`);
      assert.deepEqual([changes.json.from, changes.json.to], ['v1', 'v2']);
      assert.deepEqual(changes.json.result.swapped.map((s: any) => [s.before.productId, s.after.productId]), [[changes.json.result.swapped[0].before.productId, dearerChair.id]]);
      assert.equal(changes.json.result.totalAfter.amountMinor - changes.json.result.totalBefore.amountMinor, dearerChair.price - chairPrice);
      assert.equal(changes.json.result.priceMovement.amountMinor, 0);
      assert.equal((await customer.request('GET', `/api/options/${optionA}/changes?from=7&to=live`)).status, 404);
    });

    test('compare: each option with its items, total and standing against the budget; a mixed currency is an explicit error', async () => {
      const { status, json } = await customer.request('GET', `/api/rooms/${roomId}/compare`);
      assert.equal(status, 200);
      assert.deepEqual(json.budget, { amountMinor: 900_000, currency: 'USD' });
      assert.equal(json.options.length, 2);
      for (const entry of json.options) {
        assert.equal(entry.pricing.ok, true);
        const sum = entry.items.reduce((n: number, item: any) => n + entry.products.find((p: any) => p.id === item.productId).price.amountMinor * item.quantity, 0);
        assert.equal(entry.pricing.total.amountMinor, sum);
        assert.equal(entry.budget.remaining.amountMinor, 900_000 - sum);
      }
      const euro = await db.selectFrom('products').select('id').where('currency', '=', 'EUR').where('category', '=', 'armchair').executeTakeFirstOrThrow();
      await editLive(db, optionB, (doc) => assert.equal(swapItem(doc, chairItem, euro.id, 'test').ok, true));
      const mixed = (await customer.request('GET', `/api/rooms/${roomId}/compare`)).json.options.find((o: any) => o.option.id === optionB);
      assert.equal(mixed.pricing.ok, false);
      assert.equal(mixed.pricing.code, 'currency_mismatch');
      assert.match(mixed.pricing.message, /USD and EUR/);
      assert.equal(mixed.budget, null);
      assert.equal((await jonas.request('GET', `/api/rooms/${roomId}/compare`)).status, 403);
    });

    test('comments: on a piece and on the option, with who and when; the other party is told; support reads only', async () => {
      const onPiece = await customer.request('POST', `/api/options/${optionA}/comments`, { itemId: chairItem, body: 'Could this chair come in green?' });
      assert.equal(onPiece.status, 201, JSON.stringify(onPiece.json));
      assert.deepEqual([onPiece.json.comment.itemId, onPiece.json.comment.author.name, onPiece.json.comment.author.role], [chairItem, 'Maya Okafor', 'customer']);
      const reply = await designer.request('POST', `/api/options/${optionA}/comments`, { body: 'Yes — I will show you in v3.' });
      assert.equal(reply.status, 201);
      assert.equal(reply.json.comment.itemId, null);
      assert.equal((await designer.request('POST', `/api/options/${optionA}/comments`, { itemId: 'no-such-piece', body: 'x' })).status, 400);
      assert.equal((await support.request('POST', `/api/options/${optionA}/comments`, { body: 'x' })).status, 403);
      assert.equal((await jonas.request('POST', `/api/options/${optionA}/comments`, { body: 'x' })).status, 403);
      const read = await support.request('GET', `/api/options/${optionA}/comments`);
      assert.deepEqual(read.json.comments.map((c: any) => c.body), ['Could this chair come in green?', 'Yes — I will show you in v3.']);
      assert.ok(read.json.comments.every((c: any) => c.createdAt));
      const designerNotes = (await designer.request('GET', '/api/notifications')).json.notifications;
      assert.ok(designerNotes.some((n: any) => n.kind === 'option.comment' && /^Maya Okafor commented on .+ in Option A/.test(n.title)));
      const customerNotes = (await customer.request('GET', '/api/notifications')).json.notifications;
      assert.ok(customerNotes.some((n: any) => n.kind === 'option.comment' && n.title === 'Camille Laurent commented on Option A — warm modern'));
    });

    test('approve: only the customer; a stale version, twice, another option (replace is explicit); the approved option is locked', async () => {
      assert.equal((await designer.request('POST', `/api/options/${optionA}/approval`, { expectedLatest: 2 })).status, 403);
      assert.equal((await support.request('POST', `/api/options/${optionA}/approval`, { expectedLatest: 2 })).status, 403);
      const stale = await customer.request('POST', `/api/options/${optionA}/approval`, { expectedLatest: 1 });
      assert.deepEqual([stale.status, stale.json.error.code, stale.json.error.current.number], [409, 'stale_version', 2]);
      const none = await customer.request('POST', `/api/options/${optionB}/approval`, { expectedLatest: 1 });
      assert.deepEqual([none.status, none.json.error.code], [409, 'not_published']);
      const approved = await customer.request('POST', `/api/options/${optionA}/approval`, { expectedLatest: 2 });
      assert.equal(approved.status, 201, JSON.stringify(approved.json));
      assert.equal(approved.json.approval.version.label, 'v2', 'nothing changed since v2: v2 is pinned');
      const twice = await customer.request('POST', `/api/options/${optionA}/approval`, { expectedLatest: 2 });
      assert.deepEqual([twice.status, twice.json.error.code], [409, 'already_approved']);
      assert.match(twice.json.error.message, /already approved Option A/);
      await designer.request('POST', `/api/options/${optionB}/versions`, { expectedLatest: 0, note: 'Lighter.' });
      const other = await customer.request('POST', `/api/options/${optionB}/approval`, { expectedLatest: 1 });
      assert.deepEqual([other.status, other.json.error.code, other.json.error.current.optionId], [409, 'approval_exists', optionA]);
      const locked = await designer.request('DELETE', `/api/options/${optionA}`);
      assert.deepEqual([locked.status, locked.json.error.code], [409, 'option_locked']);
      const publishLocked = await designer.request('POST', `/api/options/${optionA}/versions`, { expectedLatest: 2, note: 'More' });
      assert.deepEqual([publishLocked.status, publishLocked.json.error.code], [409, 'option_locked']);
      const stage = await db.selectFrom('projects').select('stage').where('id', '=', projectId).executeTakeFirstOrThrow();
      assert.equal(stage.stage, 'approved');
      const designerNotes = (await designer.request('GET', '/api/notifications')).json.notifications;
      assert.ok(designerNotes.some((n: any) => n.title === 'Maya Okafor approved Option A — warm modern (v2)'));
    });

    test('shopping list: grouped by retailer, totals equal the option total, the CSV holds the same rows', async () => {
      assert.equal((await customer.request('GET', `/api/options/${optionB}/shopping-list`)).json.error.code, 'not_approved');
      const { status, json: list } = await customer.request('GET', `/api/options/${optionA}/shopping-list`);
      assert.equal(status, 200, JSON.stringify(list));
      assert.equal(list.total.amountMinor, list.approval.version.pricing.total.amountMinor, 'grand total = the approved version’s total');
      assert.equal(list.retailers.reduce((n: number, r: any) => n + r.subtotal.amountMinor, 0), list.total.amountMinor);
      for (const retailer of list.retailers) {
        assert.equal(retailer.lines.reduce((n: number, l: any) => n + l.lineTotal.amountMinor, 0), retailer.subtotal.amountMinor);
        for (const line of retailer.lines) assert.equal(line.lineTotal.amountMinor, line.unitPrice.amountMinor * line.quantity);
      }
      assert.ok(list.retailers.flatMap((r: any) => r.lines).some((l: any) => l.productId === dearerChair.id), 'the pinned version has the swapped chair');
      assert.equal((await support.request('GET', `/api/options/${optionA}/shopping-list`)).status, 200);
      assert.equal((await jonas.request('GET', `/api/options/${optionA}/shopping-list`)).status, 403);

      const response = await fetch(`${server.url}/api/options/${optionA}/shopping-list.csv`, { headers: { cookie: customer.cookie } });
      assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
      const rows = await parseCsv(await response.text());
      assert.deepEqual(rows[0], ['row', 'retailer', 'product', 'sku', 'colour', 'quantity', 'unit_price', 'line_total', 'currency', 'product_url', 'order_ref', 'price_paid', 'purchased_at']);
      const items = rows.filter((r) => r[0] === 'item');
      const lines = list.retailers.flatMap((r: any) => r.lines.map((l: any) => [r.retailerName, l]));
      assert.equal(items.length, lines.length);
      for (const [i, [retailerName, line]] of lines.entries()) {
        assert.deepEqual(items[i]!.slice(1, 9), [retailerName, line.name, line.sku, line.colour ?? '', String(line.quantity), (line.unitPrice.amountMinor / 100).toFixed(2), (line.lineTotal.amountMinor / 100).toFixed(2), 'USD']);
      }
      assert.deepEqual(rows.filter((r) => r[0] === 'subtotal').map((r) => [r[1], r[7]]), list.retailers.map((r: any) => [r.retailerName, (r.subtotal.amountMinor / 100).toFixed(2)]));
      assert.deepEqual(rows.find((r) => r[0] === 'total')!.slice(7, 9), [(list.total.amountMinor / 100).toFixed(2), 'USD']);
    });

    test('mark purchased: a purchase line with an open watch, in one go; idempotent; a negative price or another currency refused', async () => {
      const list = (await customer.request('GET', `/api/options/${optionA}/shopping-list`)).json;
      const line = list.retailers[0].lines[0];
      const url = `/api/options/${optionA}/shopping-list/lines/${encodeURIComponent(line.key)}/purchase`;
      const purchasedAt = new Date(Date.now() - 86_400_000).toISOString();
      const negative = await customer.request('POST', url, { orderRef: 'A-1', unitPricePaid: { amountMinor: -100, currency: 'USD' }, purchasedAt });
      assert.equal(negative.status, 400);
      assert.match(negative.json.error.message, /body\.unitPricePaid.*must be greater than zero/);
      const euro = await customer.request('POST', url, { orderRef: 'A-1', unitPricePaid: { amountMinor: 100, currency: 'EUR' }, purchasedAt });
      assert.equal(euro.status, 400);
      assert.equal((await jonas.request('POST', url, { orderRef: 'A-1', unitPricePaid: line.unitPrice, purchasedAt })).status, 403);
      assert.equal((await customer.request('POST', `/api/options/${optionA}/shopping-list/lines/nope/purchase`, { orderRef: 'A-1', unitPricePaid: line.unitPrice, purchasedAt })).status, 404);
      const paid = { amountMinor: line.unitPrice.amountMinor - 500, currency: 'USD' };
      const [first, concurrent] = await Promise.all([
        customer.request('POST', url, { orderRef: 'A-1', unitPricePaid: paid, purchasedAt }),
        customer.request('POST', url, { orderRef: 'A-1', unitPricePaid: paid, purchasedAt }),
      ]);
      assert.deepEqual([first.status, concurrent.status], [200, 200], JSON.stringify([first.json, concurrent.json]));
      assert.deepEqual([first.json.recorded, concurrent.json.recorded].sort(), [false, true], 'two clicks record it once');
      const recorded = first.json.recorded ? first.json : concurrent.json;
      assert.equal(recorded.line.purchase.orderRef, 'A-1');
      const purchaseLines = await db.selectFrom('purchase_lines').selectAll().where('order_ref', '=', 'A-1').execute();
      assert.equal(purchaseLines.length, 1);
      assert.deepEqual([purchaseLines[0]!.unit_price_minor, purchaseLines[0]!.quantity, purchaseLines[0]!.project_id], [paid.amountMinor, line.quantity, projectId]);
      const watch = await db.selectFrom('watches').selectAll().where('line_id', '=', purchaseLines[0]!.id).executeTakeFirstOrThrow();
      assert.ok(['open', 'closed'].includes(watch.status));
      const changed = await customer.request('POST', url, { orderRef: 'A-2', unitPricePaid: paid, purchasedAt });
      assert.deepEqual([changed.status, changed.json.error.code], [409, 'already_purchased']);
      const protectedView = (await customer.request('GET', '/api/me/protected')).json;
      assert.ok(protectedView.purchases.some((p: any) => p.orderRef === 'A-1' && p.product.id === line.productId));
      const after = (await customer.request('GET', `/api/options/${optionA}/shopping-list`)).json;
      assert.equal(after.purchasedCount, 1);
      assert.equal(after.total.amountMinor, list.total.amountMinor, 'what was paid does not change the list’s total');
      const replace = await customer.request('POST', `/api/options/${optionB}/approval`, { expectedLatest: 1, replace: true });
      assert.deepEqual([replace.status, replace.json.error?.code], [409, 'purchases_recorded']);
      assert.equal(replace.json.error.current.purchasesRecorded, true, 'the approval says it is fixed, so the app need not offer to replace it');
    });
    test('two designers publishing at once: one version, the other gets a 409 with it', async () => {
      const second = new ApiSession(server.url);
      await second.signIn('designer@atelier.test', 'atelier-demo-designer');
      const latest = (await designer.request('GET', `/api/options/${optionB}/versions`)).json.versions[0].number;
      const answers = await Promise.all([designer, second].map((session, i) => session.request('POST', `/api/options/${optionB}/versions`, { expectedLatest: latest, note: `Race ${i}` })));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
      const lost = answers.find((a) => a.status === 409)!;
      assert.equal(lost.json.error.current.number, latest + 1);
      assert.deepEqual((await designer.request('GET', `/api/options/${optionB}/versions`)).json.versions.map((v: any) => v.number).slice(0, 2), [latest + 1, latest]);
    });

    test('approving an option the customer changed since the latest version publishes her changes first and pins them', async () => {
      const room = await db.selectFrom('rooms').selectAll().where('id', '=', roomId).executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await db.insertInto('rooms').values({ ...room, id: 'room-study', name: 'Study', created_at: now, updated_at: now }).execute();
      await db.insertInto('design_options').values({ id: 'option-study', room_id: 'room-study', name: 'Study option', document: JSON.stringify({ schemaVersion: 2, items: [{ id: 'chair', productId: dearerChair.id, xMm: 1000, yMm: 1000, rotationDeg: 0, elevationMm: 0, quantity: 1 }], finishes: { floor: null, walls: null } }), created_at: now, updated_at: now }).execute();
      assert.equal((await designer.request('POST', '/api/options/option-study/versions', { expectedLatest: 0, note: 'A chair for the study.' })).status, 201);
      const cheaper = await db.selectFrom('products').select(['id', 'price_minor']).where('category', '=', 'armchair').where('currency', '=', 'USD').where('price_minor', '<', dearerChair.price).orderBy('price_minor').executeTakeFirstOrThrow();
      await editLive(db, 'option-study', (doc) => assert.equal(swapItem(doc, 'chair', cheaper.id, 'maya').ok, true));
      const approved = await customer.request('POST', '/api/options/option-study/approval', { expectedLatest: 1 });
      assert.equal(approved.status, 201, JSON.stringify(approved.json));
      assert.equal(approved.json.approval.version.label, 'v2');
      assert.deepEqual([approved.json.approval.version.publishedBy.name, approved.json.approval.version.note], ['Maya Okafor', 'Approved with the changes made since v1']);
      const list = (await customer.request('GET', '/api/options/option-study/shopping-list')).json;
      assert.deepEqual(list.retailers.flatMap((r: any) => r.lines.map((l: any) => [l.productId, l.unitPrice.amountMinor])), [[cheaper.id, cheaper.price_minor]]);
      assert.equal(list.total.amountMinor, cheaper.price_minor);
      const other = (await customer.request('GET', `/api/options/${optionA}/shopping-list`));
      assert.equal(other.status, 200, 'each room keeps its own approval');
    });
  });
}
