/**
 * [Intake]/[Room] Files on both engines: photos by the shot list (sniffed, size-limited, served
 * only to members with the right headers), a designer's photo request fulfilled by the customer
 * with the timeline naming each step, the reference pin, inspiration images.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { engines } from './harness.ts';
import { PROJECT_ID, startClaimsWorld, type ClaimsWorld } from './claims-world.ts';
import { addRoom, DROPPING_FEED, ROOM_ID, upload } from './files-world.ts';
import { HTML_PRETENDING, solidPng, SVG_PRETENDING } from '../fixtures/images.ts';

for (const engine of engines()) {
  describe(`[Intake] files on ${engine}`, () => {
    let world: ClaimsWorld;
    before(async () => {
      world = await startClaimsWorld(engine, DROPPING_FEED);
      await addRoom(world);
    });
    after(async () => {
      await world?.close();
    });

    test('the shot list: 4 corners, 4 walls, the window; a feature the customer adds joins it', async () => {
      const maya = await world.as('maya@t.test');
      const { status, json } = await maya.request('GET', `/api/rooms/${ROOM_ID}/photos`);
      assert.equal(status, 200, JSON.stringify(json));
      assert.deepEqual(json.progress, { done: 0, total: 9 });
      const added = await maya.request('POST', `/api/rooms/${ROOM_ID}/shots`, { label: 'Radiator' });
      assert.equal(added.status, 201);
      assert.equal(added.json.shot.kind, 'feature');
      assert.equal((await maya.request('GET', `/api/rooms/${ROOM_ID}/photos`)).json.progress.total, 10);
    });

    test('a photo is sniffed, hashed, stored and served back only to members, with its headers', async () => {
      const maya = await world.as('maya@t.test');
      const png = solidPng(32, 24);
      const sent = await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=corner:1&name=IMG_0001.jpg`, png, 'image/jpeg');
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      const photo = sent.json.photo;
      assert.equal(photo.mediaType, 'image/png', 'the sniffed type wins over the claimed one');
      assert.equal(photo.sha256, createHash('sha256').update(png).digest('hex'));
      assert.equal(photo.size, png.length);
      assert.equal(sent.json.progress.done, 1);

      const thumb = await upload(maya, `/api/files/${photo.id}/thumbnail`, solidPng(8, 6));
      assert.equal(thumb.status, 200, JSON.stringify(thumb.json));
      assert.equal(thumb.json.file.hasThumbnail, true);

      const designer = await world.as('des@t.test');
      const served = await fetch(world.server.url + photo.url, { headers: { cookie: designer.cookie } });
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/png');
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      assert.match(served.headers.get('content-disposition') ?? '', /^inline; filename="IMG_0001.jpg"/);
      assert.match(served.headers.get('cache-control') ?? '', /private, max-age=31536000, immutable/);
      assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
      const thumbnail = await fetch(world.server.url + photo.thumbnailUrl, { headers: { cookie: designer.cookie } });
      assert.equal(Buffer.from(await thumbnail.arrayBuffer()).length < png.length, true);

      for (const email of ['jonas@t.test', 'other-des@t.test']) {
        const outsider = await world.as(email);
        assert.equal((await fetch(world.server.url + photo.url, { headers: { cookie: outsider.cookie } })).status, 403, email);
      }
      assert.equal((await fetch(world.server.url + photo.url)).status, 401);
    });

    test('anything that is not a photo gets a sentence naming what it is; too large gets 413', async () => {
      const maya = await world.as('maya@t.test');
      const html = await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=wall:1`, HTML_PRETENDING, 'image/jpeg');
      assert.equal(html.status, 415);
      assert.deepEqual(html.json.error, { code: 'unsupported_media_type', message: 'An HTML document is not an image: send JPEG, PNG or WebP' });
      const svg = await upload(maya, `/api/rooms/${ROOM_ID}/photos`, SVG_PRETENDING, 'image/svg+xml');
      assert.equal(svg.status, 415);
      assert.match(svg.json.error.message, /^An SVG drawing is not an image/);
      const big = Buffer.alloc(16 * 1024 * 1024);
      solidPng(2, 2).copy(big);
      const tooBig = await upload(maya, `/api/rooms/${ROOM_ID}/photos`, big);
      assert.equal(tooBig.status, 413);
      assert.equal(tooBig.json.error.message, 'This file is 16 MB; uploads here can be at most 15 MB');
      const unknownShot = await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=corner:9`, solidPng(4, 4));
      assert.equal(unknownShot.status, 400);
      assert.match(unknownShot.json.error.message, /not on the shot list of Living room/);
      const count = await world.withDb(async (db) => (await db.selectFrom('files').select('id').where('room_id', '=', ROOM_ID).execute()).length);
      assert.equal(count, 1, 'nothing half-created');
    });

    test('the designer requests one more photo with an example; the customer sees it as a task and fulfils it; the timeline names each step', async () => {
      const designer = await world.as('des@t.test');
      const maya = await world.as('maya@t.test');
      const customerCannot = await maya.request('POST', `/api/rooms/${ROOM_ID}/photo-requests`, { text: 'x' });
      assert.equal(customerCannot.status, 403);
      const example = await upload(designer, `/api/rooms/${ROOM_ID}/request-examples?name=example.png`, solidPng(10, 10, [10, 10, 200]));
      assert.equal(example.status, 201, JSON.stringify(example.json));
      const asked = await designer.request('POST', `/api/rooms/${ROOM_ID}/photo-requests`, { text: 'The radiator under the window, from the side', exampleFileId: example.json.file.id });
      assert.equal(asked.status, 201, JSON.stringify(asked.json));
      const requestId = asked.json.request.id;
      assert.equal(asked.json.request.example.id, example.json.file.id);

      const tasks = (await maya.request('GET', '/api/me/photo-requests')).json.requests;
      assert.deepEqual(tasks.map((r: any) => [r.text, r.requestedBy.name, r.roomName, r.status]), [['The radiator under the window, from the side', 'Des', 'Living room', 'open']]);
      const note = (await maya.request('GET', '/api/notifications')).json.notifications.find((n: any) => n.kind === 'photo.requested');
      assert.equal(note.title, 'Des asked for one more photo');

      const fulfilled = await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=request:${requestId}`, solidPng(16, 16));
      assert.equal(fulfilled.status, 201, JSON.stringify(fulfilled.json));
      assert.deepEqual((await maya.request('GET', '/api/me/photo-requests')).json.requests, []);
      const room = (await designer.request('GET', `/api/rooms/${ROOM_ID}/photos`)).json;
      const request = room.requests.find((r: any) => r.id === requestId);
      assert.equal(request.status, 'fulfilled');
      assert.equal(request.fulfilledBy.name, 'Maya');

      const events = await world.withDb((db) => db.selectFrom('timeline_events').select(['actor_name', 'kind', 'text', 'at']).where('project_id', '=', PROJECT_ID).orderBy('at').orderBy('id').execute());
      const mine = events.filter((e) => e.kind.startsWith('photo'));
      assert.deepEqual(
        mine.map((e) => [e.actor_name, e.text]),
        [
          ['Maya', 'Maya added a photo of the Living room (corner 1)'],
          ['Des', 'Des asked for one more photo of the Living room: The radiator under the window, from the side'],
          ['Maya', 'Maya sent the photo that was asked for in Living room: The radiator under the window, from the side'],
        ],
      );
      for (const e of mine) assert.ok(!Number.isNaN(Date.parse(e.at)));
    });

    test('photos taken in one sitting are one timeline line with the count', async () => {
      const maya = await world.as('maya@t.test');
      for (const shot of ['wall:1', 'wall:2']) assert.equal((await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=${shot}`, solidPng(6, 6))).status, 201);
      const texts = await world.withDb(async (db) => (await db.selectFrom('timeline_events').select('text').where('kind', '=', 'photos.added').execute()).map((e) => e.text));
      assert.deepEqual(texts, ['Maya added 3 photos of the Living room'], 'corner 1, wall 1, wall 2; the photo sent for the request has its own line');
    });

    test('the designer pins a photo beside the 3D view; only a photo of this room can be pinned', async () => {
      const designer = await world.as('des@t.test');
      const room = (await designer.request('GET', `/api/rooms/${ROOM_ID}/photos`)).json;
      const photo = room.photos[0];
      const pinned = await designer.request('PUT', `/api/rooms/${ROOM_ID}/pin`, { fileId: photo.id });
      assert.deepEqual(pinned.json, { pinnedFileId: photo.id });
      assert.equal((await designer.request('GET', `/api/rooms/${ROOM_ID}/photos`)).json.pinnedFileId, photo.id);
      const maya = await world.as('maya@t.test');
      assert.equal((await maya.request('PUT', `/api/rooms/${ROOM_ID}/pin`, { fileId: photo.id })).status, 403);
      assert.equal((await designer.request('PUT', `/api/rooms/${ROOM_ID}/pin`, { fileId: 'nope' })).status, 400);
    });

    test('inspiration images: the customer’s own, seen by their designer; HTML and SVG refused', async () => {
      const maya = await world.as('maya@t.test');
      const added = await upload(maya, '/api/me/inspiration?name=calm.png', solidPng(12, 12, [220, 210, 190]));
      assert.equal(added.status, 201, JSON.stringify(added.json));
      for (const impostor of [HTML_PRETENDING, SVG_PRETENDING]) {
        const refused = await upload(maya, '/api/me/inspiration', impostor, 'image/png');
        assert.equal(refused.status, 415);
      }
      assert.equal((await maya.request('GET', '/api/me/inspiration')).json.images.length, 1);
      const designer = await world.as('des@t.test');
      const seen = await designer.request('GET', `/api/projects/${PROJECT_ID}/inspiration`);
      assert.equal(seen.json.images.length, 1);
      assert.equal((await fetch(world.server.url + added.json.image.url, { headers: { cookie: designer.cookie } })).status, 200);
      const other = await world.as('other-des@t.test');
      assert.equal((await fetch(world.server.url + added.json.image.url, { headers: { cookie: other.cookie } })).status, 403);
      // A photo of a piece she keeps goes up before any project knows of it; her designer sees it too.
      const piece = await upload(maya, '/api/me/piece-photos?name=grandmas-chair.png', solidPng(8, 8));
      assert.equal(piece.status, 201, JSON.stringify(piece.json));
      assert.equal(piece.json.file.purpose, 'piece-photo');
      assert.equal((await fetch(world.server.url + piece.json.file.url, { headers: { cookie: designer.cookie } })).status, 200);
      assert.equal((await upload(designer, '/api/me/piece-photos', solidPng(8, 8))).status, 403);
    });

    test('a designer’s video note: MP4 up to 60 MB where a photo stops at 15; served with its type', async () => {
      const designer = await world.as('des@t.test');
      const mp4 = Buffer.alloc(16 * 1024 * 1024);
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0])]).copy(mp4);
      const sent = await upload(designer, `/api/projects/${PROJECT_ID}/video-notes?name=hello.mp4`, mp4);
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      assert.equal(sent.json.file.mediaType, 'video/mp4');
      const maya = await world.as('maya@t.test');
      const served = await fetch(world.server.url + sent.json.file.url, { headers: { cookie: maya.cookie } });
      assert.equal(served.headers.get('content-type'), 'video/mp4');
      assert.equal((await served.arrayBuffer()).byteLength, mp4.length);
      assert.equal((await upload(maya, `/api/projects/${PROJECT_ID}/video-notes`, mp4)).status, 403, 'customers do not attach delivery videos');
      assert.equal((await upload(maya, `/api/rooms/${ROOM_ID}/photos`, mp4)).status, 413, 'a room photo stops at 15 MB before anything is read');
      const small = mp4.subarray(0, 1024);
      const asPhoto = await upload(maya, `/api/rooms/${ROOM_ID}/photos`, small);
      assert.equal(asPhoto.status, 415);
      assert.equal(asPhoto.json.error.message, 'An MP4 video is not an image: send JPEG, PNG or WebP');
    });
  });
}
