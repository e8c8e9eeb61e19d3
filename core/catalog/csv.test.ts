import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvTokenizer, countBreaks, type CsvEvent } from './csv.ts';

function tokenize(chunks: readonly string[], options: ConstructorParameters<typeof CsvTokenizer>[0] = {}): CsvEvent[] {
  const tokenizer = new CsvTokenizer(options);
  return [...chunks.flatMap((chunk) => tokenizer.push(chunk)), ...tokenizer.end()];
}

const records = (events: readonly CsvEvent[]) => events.map((event) => (event.kind === 'record' ? [event.line, ...event.fields] : [event.line, `error: ${event.reason}`]));

test('reads quoted fields with delimiters, doubled quotes and line breaks, CRLF, and a last line without a break', () => {
  const csv = 'sku,name\r\nA1,"Wren 30"" mirror, round"\r\nA2,"two\r\nlines"\r\nA3,plain';
  assert.deepEqual(records(tokenize([csv])), [
    [1, 'sku', 'name'],
    [2, 'A1', 'Wren 30" mirror, round'],
    [3, 'A2', 'two\r\nlines'],
    [5, 'A3', 'plain'],
  ]);
});

test('gives the same records whatever the chunking, down to one character at a time', () => {
  const csv = '\ufeffa,b,c\n"x,1","y""2",\r\n\n"multi\nline",z,"q"\n';
  const whole = tokenize([csv]);
  assert.deepEqual(tokenize([...csv]), whole);
  assert.deepEqual(records(whole), [
    [1, 'a', 'b', 'c'],
    [2, 'x,1', 'y"2', ''],
    [4, 'multi\nline', 'z', 'q'],
  ]);
});

test('a stray quote inside an unquoted field is kept as a character', () => {
  assert.deepEqual(records(tokenize(['A,Wren 30" mirror,1\n'])), [[1, 'A', 'Wren 30" mirror', '1']]);
});

test('an unbalanced quote is a row error at its line, and the rows after it still read', () => {
  const csv = ['sku,name,price', 'A1,"Broken sofa,10', 'A2,Chair,20', 'A3,"Lamp",30', 'A4,Rug,40'].join('\n');
  for (const chunks of [[csv], [...csv]]) {
    const events = tokenize(chunks, { header: true });
    assert.deepEqual(
      events.map((event) => [event.kind, event.line]),
      [
        ['record', 1],
        ['error', 2],
        ['record', 3],
        ['record', 4],
        ['record', 5],
      ],
    );
    const error = events[1];
    assert.ok(error?.kind === 'error' && /unbalanced quote/.test(error.reason));
  }
});

test('a quote that never closes before the end of the file is a row error, not a lost file', () => {
  const events = tokenize(['sku,name\nA1,ok\nA2,"never closed\nA3,fine'], { header: true });
  assert.deepEqual(records(events), [
    [1, 'sku', 'name'],
    [2, 'A1', 'ok'],
    [3, 'error: a quoted field never closes (unbalanced quote)'],
    [4, 'A3', 'fine'],
  ]);
});

test('text after a closing quote is a row error', () => {
  const events = tokenize(['a,b\n"x"y,1\nok,2\n']);
  assert.deepEqual(
    events.map((event) => [event.kind, event.line]),
    [
      ['record', 1],
      ['error', 2],
      ['record', 3],
    ],
  );
});

test('a record longer than the limit is an error and reading resumes', () => {
  const events = tokenize(['a,"', 'x'.repeat(200), '\nb,c\n'], { maxRecordChars: 50 });
  assert.equal(events[0]?.kind, 'error');
  assert.deepEqual(records(events.slice(1)), [[2, 'b', 'c']]);
});

test('other delimiters', () => {
  assert.deepEqual(records(tokenize(['a;b\n"1;2";3\n'], { delimiter: ';' })), [
    [1, 'a', 'b'],
    [2, '1;2', '3'],
  ]);
  assert.throws(() => new CsvTokenizer({ delimiter: '"' }), RangeError);
});

const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '|', '1') , maxLength: 8 });
const row = fc.array(cell, { minLength: 1, maxLength: 5 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));

function writeCsv(rows: readonly (readonly string[])[], lineEnd: string): string {
  return rows.map((fields) => fields.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(',')).join(lineEnd);
}

test('property: any rows written with RFC 4180 quoting read back exactly, at their lines, however chunked', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat({ max: 40 }), { maxLength: 6 }), (rows, lineEnd, cuts) => {
      const csv = writeCsv(rows, lineEnd);
      const points = [...new Set(cuts.map((cut) => cut % (csv.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const point of points) {
        chunks.push(csv.slice(from, point));
        from = point;
      }
      chunks.push(csv.slice(from));
      const events = tokenize(chunks);
      assert.deepEqual(
        events.map((event) => (event.kind === 'record' ? event.fields : event.reason)),
        rows,
      );
      let line = 1;
      rows.forEach((fields, index) => {
        const event = events[index];
        assert.equal(event?.line, line);
        line += countBreaks(fields.join('')) + 1;
      });
    }),
  );
});
