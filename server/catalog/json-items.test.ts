import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JsonFeedShapeError, JsonItemSplitter, type JsonItemEvent } from './json-items.ts';

function split(text: string, cuts: readonly number[] = []): JsonItemEvent[] {
  const splitter = new JsonItemSplitter();
  const events: JsonItemEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    events.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  events.push(...splitter.push(text.slice(from)));
  events.push(...splitter.end());
  return events;
}

const ARRAY = `\ufeff[
  {"sku": "A-1", "name": "Brace } and bracket ] in \\"quotes\\"", "tags": ["a", "b"]},
  {"sku": "A-2",
   "nested": {"deep": [1, {"x": "}"}]}},
  "a string item", 42, true, null
]
`;

test('a JSON array comes out item by item, with each item’s number and lines', () => {
  const events = split(ARRAY);
  assert.deepEqual(
    events.map((e) => (e.kind === 'item' ? [e.index, e.line, e.endLine, JSON.parse(e.text)] : e)),
    [
      [1, 2, 2, { sku: 'A-1', name: 'Brace } and bracket ] in "quotes"', tags: ['a', 'b'] }],
      [2, 3, 4, { sku: 'A-2', nested: { deep: [1, { x: '}' }] } }],
      [3, 5, 5, 'a string item'],
      [4, 5, 5, 42],
      [5, 5, 5, true],
      [6, 5, 5, null],
    ],
  );
});

test('newline-delimited JSON comes out line by line; blank lines are skipped, a broken line is its own item', () => {
  const events = split('{"sku":"N-1"}\r\n\n{"sku": broken}\n  {"sku":"N-3"}');
  assert.deepEqual(
    events.map((e) => (e.kind === 'item' ? [e.index, e.line, e.text] : e)),
    [
      [1, 1, '{"sku":"N-1"}'],
      [2, 3, '{"sku": broken}'],
      [3, 4, '{"sku":"N-3"}'],
    ],
  );
});

test('however the text is cut into chunks, the same items come out', () => {
  const items = fc.array(
    fc.record({ sku: fc.string({ maxLength: 8 }), name: fc.string({ maxLength: 30 }), tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), n: fc.integer() }),
    { maxLength: 8 },
  );
  fc.assert(
    fc.property(items, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (values, pretty, cutSeeds) => {
      const text = pretty ? JSON.stringify(values, null, 2) : values.map((value) => JSON.stringify(value)).join('\n');
      const cuts = cutSeeds.map((seed) => (text.length === 0 ? 0 : seed % text.length));
      const whole = split(text).map((e) => (e.kind === 'item' ? JSON.parse(e.text) : e));
      const chunked = split(text, cuts).map((e) => (e.kind === 'item' ? JSON.parse(e.text) : e));
      assert.deepEqual(chunked, whole);
      assert.deepEqual(whole, JSON.parse(JSON.stringify(values)));
    }),
    { numRuns: 300 },
  );
});

test('an array that never closes, or text after it, refuses the feed', () => {
  assert.throws(() => split('[{"sku": "A"},\n{"sku": "B"}\n'), (error: unknown) => error instanceof JsonFeedShapeError && /never closes: the file ends on line 3/.test(error.message));
  assert.throws(() => split('[{"sku": "A"}]\n{"sku": "B"}'), (error: unknown) => error instanceof JsonFeedShapeError && /line 2: text after the JSON array/.test(error.message));
});

test('an item that runs past the size limit stops the array; an NDJSON line past it is reported and skipped', () => {
  const huge = `{"name": "${'x'.repeat(200)}"}`;
  const limited = () => new JsonItemSplitter({ maxItemChars: 100 });
  assert.throws(() => limited().push(`[${huge.slice(0, -1)}`), /item 1 \(from line 1\) is longer than 100 characters/);
  const closed = limited();
  assert.deepEqual(
    [...closed.push(`[${huge}, {"sku": "ok"}]`), ...closed.end()].map((e) => [e.kind, e.index]),
    [
      ['error', 1],
      ['item', 2],
    ],
  );
  const splitter = limited();
  const events = [...splitter.push(`${huge}\n{"sku":"ok"}\n`), ...splitter.end()];
  assert.deepEqual(
    events.map((e) => [e.kind, e.line]),
    [
      ['error', 1],
      ['item', 2],
    ],
  );
});
