import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { seededRandom } from '../../core/random.ts';
import { checkUpdate, MalformedUpdateError } from './check-update.ts';

const WORDS = ['sofa', 'Lampe', 'éclairage', '沙发', '🛋️', '', 'a\u0000b', 'x'.repeat(300)];

/** A JSON-able value of every kind lib0's `any` encoding has, nested up to `depth`. */
function anyValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 0 ? 12 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return Math.floor(next() * 2 ** 40) - 2 ** 39; // an integer, either sign
    case 3:
      return next() * 1e6; // a float
    case 4:
      return Math.fround(next()); // one a float32 holds exactly
    case 5:
      return WORDS[Math.floor(next() * WORDS.length)];
    case 6:
      return BigInt(Math.floor(next() * 1e9)) * 1_000_000_007n;
    case 7:
      return undefined;
    case 8:
      return new Uint8Array([1, 2, 3, Math.floor(next() * 256)]);
    case 9:
      return Array.from({ length: Math.floor(next() * 4) }, () => anyValue(next, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`${WORDS[i % WORDS.length]}${i}`, anyValue(next, depth - 1)]));
  }
}

/**
 * Updates of every struct and content kind Yjs writes: map values (any, binary, nested types),
 * arrays, text with formats and embeds, XML elements, hooks and text, subdocuments, deletions
 * (the delete set; GC structs where collected), and merged updates with gaps (Skip structs).
 */
function updatesOf(seed: number): Uint8Array[] {
  const next = seededRandom(seed); // a failing document replays from its seed
  const doc = new Y.Doc({ gc: next() < 0.5 });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = doc.getMap('items');
  const array = doc.getArray('list');
  const text = doc.getText('notes');
  const xml = doc.getXmlFragment('xml');
  for (let step = 0; step < 30; step++) {
    const op = Math.floor(next() * 11);
    const key = `k${Math.floor(next() * 6)}`;
    if (op === 0) map.set(key, anyValue(next, 3));
    else if (op === 1) {
      const nested = new Y.Map<unknown>();
      nested.set('x', anyValue(next, 2));
      map.set(key, nested);
    } else if (op === 2) map.delete(key);
    else if (op === 3) array.insert(Math.floor(next() * (array.length + 1)), [{ value: anyValue(next, 2) }, WORDS[step % WORDS.length]!, new Y.Array(), new Uint8Array([step])]);
    else if (op === 4 && array.length > 0) array.delete(0, Math.min(array.length, 1 + Math.floor(next() * 2)));
    else if (op === 5) text.insert(Math.floor(next() * (text.length + 1)), WORDS[Math.floor(next() * WORDS.length)]!, next() < 0.5 ? { bold: true, colour: 'réd' } : undefined);
    else if (op === 6 && text.length > 1) text.format(0, 1, { italic: next() < 0.5 ? true : null });
    else if (op === 7) text.insertEmbed(0, { image: 'sofa.png', width: 3 });
    else if (op === 8) {
      const element = new Y.XmlElement(next() < 0.5 ? 'p' : 'élément');
      element.setAttribute('class', 'room');
      element.insert(0, [new Y.XmlText('hello')]);
      xml.insert(0, [element, new Y.XmlHook('hook') as unknown as Y.XmlText]); // Yjs's types omit hooks; it writes them
    } else if (op === 9) map.set(key, new Y.Doc({ guid: `sub-${step}` }));
    else if (op === 10 && text.length > 0) text.delete(0, Math.min(text.length, 2));
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  // Every other update merged: the missing clocks between them become Skip structs.
  updates.push(Y.mergeUpdates(updates.filter((_, i) => i % 2 === 0)));
  return updates;
}

/** A hand-built update holding legacy ContentJSON (Yjs reads it, but no longer writes it). */
function contentJsonUpdate(values: readonly string[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, 42); // client
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 2); // an item of ContentJSON, no origins, parent info follows
  encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
  encoding.writeVarString(encoder, 'legacy');
  encoding.writeVarUint(encoder, values.length);
  for (const value of values) encoding.writeVarString(encoder, value);
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

function yjsAccepts(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(new Uint8Array(update)); // a copy: lib0 reads past a view's end into its buffer
    return true;
  } catch {
    return false;
  }
}

function checkAccepts(update: Uint8Array): boolean {
  try {
    checkUpdate(update);
    return true;
  } catch (error) {
    // It refuses with its own error and a position, never by crashing on the input.
    assert.ok(error instanceof MalformedUpdateError, `unexpected ${String(error)}`);
    return false;
  }
}

describe('checkUpdate: a Yjs update is checked without decoding it into objects', () => {
  it('accepts every update Yjs writes (200 random documents of every struct and content kind)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const update of updatesOf(seed)) {
        assert.ok(yjsAccepts(update), `seed ${seed}: Yjs's own update`);
        assert.doesNotThrow(() => checkUpdate(update), `seed ${seed}`);
        checked++;
      }
    }
    assert.ok(checked > 2000, `${checked} updates`);
    assert.doesNotThrow(() => checkUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    const legacy = contentJsonUpdate(['{"a":[1,2]}', 'undefined', '"é"']);
    assert.ok(yjsAccepts(legacy));
    assert.doesNotThrow(() => checkUpdate(legacy));
  });

  it('never accepts what Yjs cannot decode: truncated, flipped, inserted and random bytes (fast-check)', () => {
    const corpus = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => updatesOf(seed)).filter((update) => update.length > 2);
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 }), (which, where, value, how) => {
        const base = corpus[which]!;
        const at = where % base.length;
        let mutated: Uint8Array;
        if (how === 0) mutated = base.slice(0, at);
        else if (how === 1) {
          mutated = base.slice();
          mutated[at] = mutated[at]! ^ (value || 1);
        } else if (how === 2) mutated = new Uint8Array([...base.subarray(0, at), value, ...base.subarray(at)]);
        else mutated = base.map((byte, i) => (i >= at ? (byte * 31 + value + i) & 0xff : byte));
        const accepted = checkAccepts(mutated);
        if (accepted) assert.ok(yjsAccepts(mutated), `accepted what Yjs refuses: ${Buffer.from(mutated).toString('hex')}`);
        else refused++;
      }),
      { numRuns: 20_000, seed: 6 },
    );
    assert.ok(refused > 5_000, `${refused} mutations refused`);
  });

  it('refuses each kind of malformation with the reason and where', () => {
    // `yjsToo`: Yjs's own decoder refuses it as well (the other cases are the checker's stricter bounds or reasons Yjs reads differently).
    const refuses = (bytes: Uint8Array | number[], reason: RegExp, yjsToo = false) => {
      const update = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      if (yjsToo) assert.equal(yjsAccepts(update), false, `Yjs refuses ${Buffer.from(update).toString('hex')} too`);
      assert.throws(() => checkUpdate(update), (error: unknown) => error instanceof MalformedUpdateError && reason.test(error.message));
    };
    refuses([0xff, 0xff, 0xff, 0xff, 0x01, 0x07], /unexpected end|length past the end/); // the bad-input test's message
    refuses([], /unexpected end at byte 0/);
    refuses([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], /integer out of range/);
    refuses(contentJsonUpdate(['{"a":']), /invalid JSON content/);
    // A map key of invalid UTF-8 (lib0 decodes strings fatally).
    const good = contentJsonUpdate(['1']);
    const badUtf8 = good.slice();
    badUtf8[good.indexOf(0x6c)] = 0xc3; // 'l' of "legacy" → a lone lead byte
    refuses(badUtf8, /invalid UTF-8/, true);
    // Unknown content kind 11, and a string whose length runs past the end.
    refuses([1, 1, 42, 0, 11, 1, 1, 0x61, 0], /unknown content kind 11/, true);
    refuses([1, 1, 42, 0, 4, 1, 1, 0x61, 9, 0x61], /length past the end/);
    // An any value with an unknown tag; a subdocument without options.
    refuses([1, 1, 42, 0, 8, 1, 1, 0x61, 1, 100, 0], /unknown value tag 100/, true);
    refuses([1, 1, 42, 0, 9, 1, 1, 0x61, 1, 0x67, 126, 0], /subdocument without options/, true);
    refuses([1, 1, 42, 0, 7, 1, 1, 0x61, 9, 0], /unknown shared type/);
  });

  it('walks deeply nested values without running out of stack', () => {
    const depth = 100_000;
    const encoder = encoding.createEncoder();
    for (const byte of [1, 1, 42, 0, 8, 1, 1, 0x61, 1]) encoding.writeUint8(encoder, byte);
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(encoder, 117); // an array of one…
      encoding.writeVarUint(encoder, 1);
    }
    encoding.writeUint8(encoder, 126); // …null
    encoding.writeVarUint(encoder, 0);
    assert.doesNotThrow(() => checkUpdate(encoding.toUint8Array(encoder)));
  });
});
