import { assert, describe, it } from '../testing/node-test.ts';
import { ProjectStage, RoleSchema } from '../../core/api/schemas.ts';
import { en } from './en.ts';
import { createFormatters, partOfDay } from './format.ts';

describe('createFormatters', () => {
  const metric = createFormatters({ locale: 'en-US', units: 'metric' });
  const imperial = createFormatters({ locale: 'en-US', units: 'imperial' });

  it('formats lengths in the person’s units', () => {
    assert.equal(metric.length(4200), '4.2 m');
    assert.equal(imperial.length(4200), '13′ 9″');
  });

  it('formats dimensions and areas in the person’s units', () => {
    assert.equal(metric.dimensions({ widthMm: 2280, depthMm: 980, heightMm: 880 }), '228 × 98 × 88 cm');
    assert.equal(imperial.dimensions({ widthMm: 2540, depthMm: 254, heightMm: 25.4 }), '100 × 10 × 1 in');
    assert.equal(metric.area(5200 * 4200), '21.8 m²');
    assert.equal(imperial.area(5200 * 4200), '235.1 sq ft');
  });

  it('formats money from minor units with the locale', () => {
    assert.equal(metric.money({ amountMinor: 842_500, currency: 'USD' }), '$8,425.00');
    // German puts a no-break space before the euro sign.
    assert.equal(createFormatters({ locale: 'de-DE', units: 'metric' }).money({ amountMinor: 123_456, currency: 'EUR' }).replace(/\s/g, ' '), '1.234,56 €');
  });

  it('formats dates, and shows an unreadable date as given', () => {
    assert.equal(metric.date('2025-03-04T10:00:00.000Z'), 'Mar 4, 2025');
    assert.equal(metric.date('not a date'), 'not a date');
  });
});

describe('partOfDay', () => {
  it('greets by the local hour', () => {
    assert.equal(partOfDay(new Date(2025, 0, 1, 8)), 'morning');
    assert.equal(partOfDay(new Date(2025, 0, 1, 13)), 'afternoon');
    assert.equal(partOfDay(new Date(2025, 0, 1, 21)), 'evening');
  });
});

describe('English strings', () => {
  it('name every project stage and say what comes next for customers and designers', () => {
    for (const stage of ProjectStage.options) {
      assert.ok(en.stage[stage], `stage.${stage}`);
      assert.ok(en.nextStep.customer[stage], `nextStep.customer.${stage}`);
      assert.ok(en.nextStep.designer[stage], `nextStep.designer.${stage}`);
    }
  });

  it('name every role', () => {
    for (const role of RoleSchema.options) assert.ok(en.role[role], `role.${role}`);
  });

  it('have no empty strings', () => {
    const walk = (node: unknown, path: string): void => {
      if (typeof node === 'string') assert.ok(node.trim().length > 0, path);
      else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
    };
    walk(en, 'en');
  });
});
