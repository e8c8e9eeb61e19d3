/**
 * [Intake] The customer's own pieces appear in a room's design options as "your piece" (no
 * product, price 0). They are added to the option's live Yjs document with core/options
 * `addItem`, and each resulting update goes through the collab store (appended to
 * `option_updates` like any collaborator's edit) with the JSON snapshot refreshed — so the
 * update log, the compacted state and `design_options.document` always agree.
 *
 * Only for options no one has open: an option document live in the collab server would not see
 * updates written here.
 */
import type { Kysely, Transaction } from 'kysely';
import * as Y from 'yjs';
import { addItem, readItem, toSnapshot } from '../../core/options/index.ts';
import { layoutKeptPieces, type KeptPiece } from '../../core/intake/index.ts';
import { appendUpdate, loadOptionInto } from '../collab/store.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The origin intake edits carry in the document (never undone by a person's Ctrl+Z). */
export const INTAKE_ORIGIN = 'intake';

/** A piece's item id in an option: stable, so placing the same piece again adds nothing. */
export function ownPieceItemId(pieceId: string): string {
  return `own-${pieceId}`.slice(0, 64);
}

/**
 * Adds each kept piece not yet in the option, laid out inside `room` (its bounding box), and
 * returns how many were added. Run inside the transaction that created the option.
 */
export async function placeKeptPieces(db: Db, optionId: string, pieces: readonly KeptPiece[], room: { widthMm: number; depthMm: number }): Promise<number> {
  if (pieces.length === 0) return 0;
  const doc = new Y.Doc();
  try {
    await loadOptionInto(db, optionId, doc);
    const missing = pieces.filter((piece) => readItem(doc, ownPieceItemId(piece.id)) === undefined);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const item of layoutKeptPieces(missing, room, (piece) => ownPieceItemId(piece.id))) {
      const result = addItem(doc, item, INTAKE_ORIGIN);
      if (!result.ok) throw new Error(`Own piece ${item.id}: ${result.message}`);
    }
    for (const update of updates) await appendUpdate(db, optionId, update);
    if (updates.length > 0) await db.updateTable('design_options').set({ document: JSON.stringify(toSnapshot(doc)) }).where('id', '=', optionId).execute();
    return missing.length;
  } finally {
    doc.destroy();
  }
}
