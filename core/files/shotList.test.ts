import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rectangleOutline } from '../room.ts';
import { shotList, shotProgress, SHOT_KEY } from './shotList.ts';

const window1 = { id: 'w1', kind: 'window' as const, wallIndex: 2, offsetMm: 500, widthMm: 1200, heightMm: 1400, sillHeightMm: 900 };
const door = { id: 'd1', kind: 'door' as const, wallIndex: 0, offsetMm: 200, widthMm: 800, heightMm: 2000, sillHeightMm: 0 };

test('a rectangle with one window asks for 4 corners, 4 walls and the window', () => {
  const shots = shotList({ outline: rectangleOutline(4000, 3000), openings: [window1, door] });
  assert.equal(shots.length, 9);
  assert.deepEqual(shots.slice(0, 2).map((s) => s.key), ['corner:1', 'corner:2']);
  assert.deepEqual(shots.at(-1), { key: 'window:w1', kind: 'window', number: 3, label: null });
  for (const shot of shots) assert.match(shot.key, SHOT_KEY);
});

test('features and requests join the list with their words', () => {
  const shots = shotList({ outline: rectangleOutline(4000, 3000), openings: [] }, [{ id: 'f1', label: 'Radiator' }], [{ id: 'r1', label: 'The skirting' }]);
  assert.deepEqual(shots.slice(-2).map((s) => [s.key, s.label]), [['feature:f1', 'Radiator'], ['request:r1', 'The skirting']]);
});

test('progress counts shots with a photo, once each, ignoring keys not on the list', () => {
  const shots = shotList({ outline: rectangleOutline(4000, 3000), openings: [window1] });
  const progress = shotProgress(shots, ['corner:1', 'corner:1', 'wall:2', 'feature:gone', null]);
  assert.equal(progress.done, 2);
  assert.equal(progress.total, 9);
  assert.ok(progress.missing.includes('window:w1'));
});
