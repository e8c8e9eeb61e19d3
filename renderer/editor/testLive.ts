/**
 * For unit tests: the editing half of a LiveOption over a real local Y.Doc and a real
 * Y.UndoManager tracking one origin, as renderer/live does it (one transaction and one undo
 * step per edit). No network; tests import it, the app never does.
 */
import type * as Y from 'yjs';
import { createLocalUndoManager, createOptionDoc, readItems, type EditResult } from '../../core/options/index.ts';
import type { PlacedItem } from '../../core/room.ts';
import type { LiveEditing } from './controller.ts';

export interface TestLive extends LiveEditing {
  readonly doc: Y.Doc;
  readonly origin: object;
  readOnly: boolean;
}

export function createTestLive(items: readonly PlacedItem[] = []): TestLive {
  const doc = createOptionDoc({ items });
  const origin = { user: 'me' };
  const undo = createLocalUndoManager(doc, origin, 0);
  const live: TestLive = {
    doc,
    origin,
    readOnly: false,
    edit<T>(fn: (doc: Y.Doc, origin: unknown) => EditResult<T>): EditResult<T> {
      const result = doc.transact(() => fn(doc, origin), origin);
      undo.stopCapturing();
      return result;
    },
    undo: () => {
      undo.undo();
    },
    redo: () => {
      undo.redo();
    },
    getSnapshot: () => ({ items: readItems(doc), canUndo: undo.canUndo(), canRedo: undo.canRedo(), readOnly: live.readOnly }),
  };
  return live;
}
