import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from '../http/errors.ts';
import { csvLine, readCsvRows, type CsvRowEvent } from './csv-rows.ts';

const SHAPE = { name: 'prices', required: ['retailer', 'sku', 'price'] };

async function read(chunks: (string | Uint8Array)[], shape = SHAPE): Promise<CsvRowEvent[]> {
  const out: CsvRowEvent[] = [];
  for await (const event of readCsvRows((async function* () {
    yield* chunks;
  })(), shape)) out.push(event);
  return out;
}

test('rows are named by the header (any order, any case), trimmed, with their line numbers', async () => {
  const events = await read(['SKU, Retailer ,price\r\n', 'A-1, Alba ,1.00\r\n\r\nB-2,Alba,"2,000.00"\n']);
  assert.deepEqual(events, [
    { kind: 'row', line: 2, values: { sku: 'A-1', retailer: 'Alba', price: '1.00' }, raw: 'A-1, Alba ,1.00' },
    { kind: 'row', line: 4, values: { sku: 'B-2', retailer: 'Alba', price: '2,000.00' }, raw: 'B-2,Alba,"2,000.00"' },
  ]);
});

test('a row with the wrong number of fields, a broken quote or bad UTF-8 is a reject; the rest goes on', async () => {
  const latin1 = Uint8Array.from([...Buffer.from('C-3,Caf'), 0xe9, ...Buffer.from(',3.00\n')]);
  const events = await read(['retailer,sku,price\n', 'Alba,A-1\n', 'Alba,"B-2,2.00\n', latin1, 'Alba,D-4,4.00\n']);
  assert.deepEqual(
    events.map((e) => (e.kind === 'row' ? `row ${e.line}` : `reject ${e.line}: ${e.reason}`)),
    [
      'reject 2: malformed line: expected 3 fields, found 2',
      'reject 3: malformed CSV: a quoted field never closes (unbalanced quote)',
      'reject 4: the line is not valid UTF-8 (save the file as UTF-8)',
      'row 5',
    ],
  );
});

test('a header without the format’s columns stops the import; so does an empty file', async () => {
  await assert.rejects(read(['retailer,sku,cost,extra\n', 'Alba,A,1\n']), (error: unknown) => error instanceof HttpError && /missing price; unknown "cost", "extra"/.test(error.message));
  await assert.rejects(read(['']), (error: unknown) => error instanceof HttpError && error.code === 'empty_file');
  const optional = await read(['sku,price\n', 'A,1\n'], { name: 'feed', required: ['sku', 'price'], optional: ['retailer'] } as never);
  assert.equal(optional.length, 1);
});

test('csvLine quotes only what needs quoting', () => {
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'x\ny']), 'a,"b,c","say ""hi""","x\ny"');
});
