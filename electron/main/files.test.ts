import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { imageMimeTypeOf, safeFileName } from './files.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('imageMimeTypeOf', () => {
  it('recognises JPEG, PNG, WebP and GIF by their signatures', () => {
    assert.equal(imageMimeTypeOf(bytes(0xff, 0xd8, 0xff, 0xe1)), 'image/jpeg');
    assert.equal(imageMimeTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'image/png');
    assert.equal(imageMimeTypeOf(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ')), 'image/webp');
    assert.equal(imageMimeTypeOf(text('GIF89a...')), 'image/gif');
    assert.equal(imageMimeTypeOf(text('GIF87a...')), 'image/gif');
  });

  it('refuses anything else, including lookalikes and truncated files', () => {
    assert.equal(imageMimeTypeOf(bytes()), undefined);
    assert.equal(imageMimeTypeOf(bytes(0xff, 0xd8)), undefined);
    assert.equal(imageMimeTypeOf(text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')), undefined);
    assert.equal(imageMimeTypeOf(text('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(imageMimeTypeOf(text('%PDF-1.7')), undefined);
  });
});

describe('safeFileName', () => {
  it('keeps an ordinary name', () => {
    assert.equal(safeFileName('Living room – option 2.pdf'), 'Living room – option 2.pdf');
  });

  it('keeps only the last path segment', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\me\\x.csv'), 'x.csv');
  });

  it('replaces characters file systems refuse and trims dots and spaces', () => {
    assert.equal(safeFileName('a<b>c:d"e|f?g*h.txt'), 'a_b_c_d_e_f_g_h.txt');
    assert.equal(safeFileName('  .hidden. '), 'hidden');
    assert.equal(safeFileName('tab\there'), 'tab_here');
  });

  it('falls back to a plain name when nothing is left', () => {
    assert.equal(safeFileName('../'), 'Atelier export');
    assert.equal(safeFileName('...'), 'Atelier export');
  });
});
