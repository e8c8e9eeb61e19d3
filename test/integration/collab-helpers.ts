import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Kysely } from 'kysely';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { defineOptionRoots } from '../../core/options/index.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { loadOptionInto } from '../../server/collab/store.ts';
import type { Database } from '../../server/db/schema.ts';

/** Helpers for the collab tests: sessions straight from the store, real Hocuspocus providers over `ws`. */
export async function tokenFor(db: Kysely<Database>, email: string, now?: Date): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return (await createSession(db, user.id, now)).token;
}

export async function demoOptionId(db: Kysely<Database>, projectName: string): Promise<string> {
  const row = await db
    .selectFrom('design_options')
    .innerJoin('rooms', 'rooms.id', 'design_options.room_id')
    .innerJoin('projects', 'projects.id', 'rooms.project_id')
    .select('design_options.id')
    .where('projects.name', '=', projectName)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Client {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  /** Resolves true once synced, false when authentication fails or the socket closes first. */
  readonly outcome: Promise<boolean>;
  /** Resolves when every local change was acknowledged by the server. */
  acknowledged(): Promise<void>;
  destroy(): void;
}

export function connect(serverUrl: string, optionId: string, token: string, documentName = `option:${optionId}`): Client {
  const doc = new Y.Doc();
  defineOptionRoots(doc);
  let settle: (value: boolean) => void = () => undefined;
  const outcome = new Promise<boolean>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    url: `${serverUrl.replace(/^http/, 'ws')}/collab`,
    name: documentName,
    token,
    document: doc,
    WebSocketPolyfill: WebSocket,
    onSynced: () => settle(true),
    onAuthenticationFailed: () => settle(false),
    onClose: () => settle(false),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    provider,
    doc,
    outcome,
    acknowledged: () =>
      new Promise<void>((resolve) => {
        if (provider.unsyncedChanges === 0) return resolve();
        const check = (): void => {
          if (provider.unsyncedChanges === 0) {
            provider.off('unsyncedChanges', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
      }),
    destroy: () => provider.destroy(),
  };
}

/** The option document as the store holds it. */
export async function storedDoc(db: Kysely<Database>, optionId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await loadOptionInto(db, optionId, doc);
  return doc;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
