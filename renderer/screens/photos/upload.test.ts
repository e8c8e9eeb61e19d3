import { assert, it } from '../../testing/node-test.ts';
import { thumbnailSize } from './upload.ts';

it('thumbnails fit 400 px on the longer side and never grow', () => {
  assert.deepEqual(thumbnailSize(4032, 3024), { width: 400, height: 300 });
  assert.deepEqual(thumbnailSize(1080, 1920), { width: 225, height: 400 });
  assert.deepEqual(thumbnailSize(120, 80), { width: 120, height: 80 });
});
