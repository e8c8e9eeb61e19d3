/**
 * [Collab] The relay bench's baseline: a bare Hocuspocus server (Hocuspocus's defaults: no auth, no store)
 * in its own process, as our studio server runs in its own. Prints its URL, then serves until killed.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`listening on http://127.0.0.1:${server.address.port}`);
