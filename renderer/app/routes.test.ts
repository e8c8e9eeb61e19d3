import { assert, describe, it } from '../testing/node-test.ts';
import { parseRoute, routeHref } from './routes.ts';

describe('routes', () => {
  it('reads the screens from the hash', () => {
    assert.deepEqual(parseRoute(''), { name: 'home' });
    assert.deepEqual(parseRoute('#/'), { name: 'home' });
    assert.deepEqual(parseRoute('#/projects/p1'), { name: 'project', projectId: 'p1' });
    assert.deepEqual(parseRoute('#/projects/p1/options/o2'), { name: 'project', projectId: 'p1', optionId: 'o2' });
    assert.deepEqual(parseRoute('#/nowhere'), { name: 'home' });
    assert.deepEqual(parseRoute('#/catalog'), { name: 'catalog' });
    assert.deepEqual(parseRoute('#/catalog/import'), { name: 'catalog-import' });
    assert.equal(routeHref({ name: 'catalog-import' }), '#/catalog/import');
  });

  it('round-trips ids that need escaping', () => {
    const route = { name: 'project', projectId: 'a/b c', optionId: 'ö%' } as const;
    assert.deepEqual(parseRoute(routeHref(route)), route);
  });

  it('[Room] addresses the room shell editor, new or existing', () => {
    assert.deepEqual(parseRoute('#/projects/p1/rooms/new'), { name: 'room-edit', projectId: 'p1', roomId: null });
    assert.deepEqual(parseRoute('#/projects/p1/rooms/r 2/edit'), { name: 'room-edit', projectId: 'p1', roomId: 'r 2' });
    for (const route of [{ name: 'room-edit', projectId: 'p1', roomId: null }, { name: 'room-edit', projectId: 'p/1', roomId: 'r/2' }] as const) assert.deepEqual(parseRoute(routeHref(route)), route);
  });

  it('[Intake] addresses the new-project wizard, the style profile and a project customer’s summary', () => {
    assert.deepEqual(parseRoute('#/start'), { name: 'start' });
    assert.deepEqual(parseRoute('#/style'), { name: 'style' });
    assert.deepEqual(parseRoute('#/projects/p1/style'), { name: 'project-style', projectId: 'p1' });
    for (const route of [{ name: 'start' }, { name: 'style' }, { name: 'project-style', projectId: 'p/1' }] as const) assert.deepEqual(parseRoute(routeHref(route)), route);
  });

  it('survives a malformed escape', () => {
    assert.deepEqual(parseRoute('#/projects/%E0%A4%A'), { name: 'project', projectId: '%E0%A4%A' });
  });
});
