import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8Strict, Utf8LineDecoder } from './decode.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function decodeInChunks(bytes: Uint8Array, size: number): { text: string; invalidLines: number[] } {
  const decoder = new Utf8LineDecoder();
  let text = '';
  const invalidLines: number[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const piece = decoder.push(bytes.subarray(at, at + size));
    text += piece.text;
    invalidLines.push(...piece.invalidLines);
  }
  const last = decoder.end();
  return { text: text + last.text, invalidLines: [...invalidLines, ...last.invalidLines] };
}

test('valid UTF-8 decodes identically however it is chunked, even through multi-byte characters', () => {
  const text = 'sku,name\r\nA,Café crème\nB,Sofa «Ölund» 😀\rC,end';
  for (const size of [1, 2, 3, 5, 1000]) assert.deepEqual(decodeInChunks(encode(text), size), { text, invalidLines: [] });
});

test('Latin-1 bytes are reported by line, counted as the CSV tokenizer counts lines', () => {
  const bytes = new Uint8Array([...encode('a\r\nb\rc\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a, ...encode('ok\n'), 0xff, 0x0a, ...encode('d')]);
  for (const size of [1, 4, 1000]) {
    const { text, invalidLines } = decodeInChunks(bytes, size);
    assert.deepEqual(invalidLines, [4, 6], `chunks of ${size}`);
    assert.equal(text, 'a\r\nb\rc\nCaf\ufffd\nok\n\ufffd\nd');
  }
});

test('decodeUtf8Strict refuses a Latin-1 file with a reason', () => {
  assert.deepEqual(decodeUtf8Strict(encode('{"a":1}')), { ok: true, text: '{"a":1}' });
  const refused = decodeUtf8Strict(new Uint8Array([0x7b, 0xe9, 0x7d]));
  assert.ok(!refused.ok);
  assert.match(refused.reason, /not valid UTF-8/);
});

test('a line longer than the carry limit is decoded in pieces without splitting a character', () => {
  const text = `${'é😀'.repeat(200_000)}\nB`;
  assert.deepEqual(decodeInChunks(encode(text), 65_536), { text, invalidLines: [] });
});
