import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Category } from '../catalog.ts';
import { findAlternatives } from './alternatives.ts';
import { CatalogSearchIndex, type SearchableProduct } from './search.ts';

function chair(id: string, widthMm: number, depthMm: number, amountMinor: number, styleTags: string[], category: Category = 'armchair', currency = 'GBP'): SearchableProduct {
  return { id, retailerId: 'r', retailerName: 'R', name: `Chair ${id}`, category, widthMm, depthMm, price: { amountMinor, currency }, colours: [], styleTags, materials: [] };
}

const current = chair('now', 800, 850, 50_000, ['modern']);
const catalog = [
  current,
  chair('boho-close-price', 780, 800, 52_000, ['boho']),
  chair('boho-far-price', 820, 900, 90_000, ['boho', 'coastal']),
  chair('modern', 700, 700, 30_000, ['modern']),
  chair('too-big', 1000, 1000, 50_000, ['boho']),
  chair('sofa', 800, 800, 50_000, ['boho'], 'sofa'),
  chair('euro', 800, 800, 50_000, ['boho'], 'armchair', 'EUR'),
];
const index = new CatalogSearchIndex(catalog);

test('same category, fitting the footprint with tolerance, never the piece itself; style first, then price closeness', () => {
  const found = findAlternatives(index, { current, styleProfile: { boho: 2, coastal: 1 } });
  assert.deepEqual(
    found.map((a) => [a.product.id, Math.round(a.styleCloseness * 100), a.priceDelta?.amountMinor ?? null]),
    [
      ['boho-far-price', 100, 40_000],
      ['boho-close-price', 67, 2_000],
      ['euro', 67, null],
      ['modern', 0, -20_000],
    ],
  );
});

test('the free space around the piece narrows the choice', () => {
  const found = findAlternatives(index, { current, freeSpace: { widthMm: 790, depthMm: 820 } });
  assert.deepEqual(found.map((a) => a.product.id).sort(), ['boho-close-price', 'modern']);
});
