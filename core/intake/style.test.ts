import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STYLE_CARDS } from './cards.ts';
import { colourQualities } from './colours.ts';
import { isEmptyVector, NO_COLOUR_PREFERENCES, productAffinity, styleSummary, styleTagProfile, styleVector, type StyleAnswers } from './style.ts';

const none: StyleAnswers = { cards: {}, colours: NO_COLOUR_PREFERENCES, materials: [], retailerIds: [] };
const product = (over: Partial<{ retailerId: string; styleTags: string[]; materials: string[]; colours: string[] }>) => ({ retailerId: 'r-0', styleTags: [], materials: [], colours: [], ...over });

describe('style vector', () => {
  it('is empty without answers, and an empty vector scores every product 0', () => {
    const vector = styleVector(none, ['oak', 'navy']);
    assert.ok(isEmptyVector(vector));
    assert.equal(productAffinity(vector, product({ styleTags: ['japandi'] })), 0);
  });

  it('a liked card lifts its style, materials and colours; a passed card pushes its style down', () => {
    const vector = styleVector({ ...none, cards: { 'japandi-quiet': 'like', 'art-deco-glamour': 'pass' } });
    assert.ok((vector.styles.japandi ?? 0) > 0);
    assert.ok((vector.styles.minimalist ?? 0) > 0, 'neighbouring styles count too');
    assert.ok((vector.styles['art deco'] ?? 0) < 0);
    assert.ok((vector.materials.oak ?? 0) > 0);
    assert.ok((vector.colours.sand ?? 0) > 0);
    assert.deepEqual(Object.keys(styleTagProfile(vector)).sort(), ['japandi', 'minimalist', 'scandinavian']);
    assert.equal(styleTagProfile(vector)['art deco'], undefined);
  });

  it('ranks a matching product above a non-matching one', () => {
    const answers: StyleAnswers = { cards: { 'scandinavian-calm': 'like', 'industrial-loft': 'pass' }, colours: { temperature: 'warm', lightness: 'light', intensity: 'muted' }, materials: ['oak'], retailerIds: ['r-fav'] };
    const vector = styleVector(answers, ['oatmeal', 'charcoal', 'black', 'natural oak']);
    const matching = product({ retailerId: 'r-fav', styleTags: ['scandinavian'], materials: ['oak', 'wool'], colours: ['oatmeal'] });
    const other = product({ styleTags: ['industrial'], materials: ['steel'], colours: ['charcoal'] });
    const partial = product({ styleTags: ['scandinavian'], materials: ['steel'], colours: ['black'] });
    const [a, b, c] = [matching, other, partial].map((p) => productAffinity(vector, p)) as [number, number, number];
    assert.equal(a, 1, 'the best value in every dimension');
    assert.equal(b, 0);
    assert.ok(a > c && c > b, `${a} > ${c} > ${b}`);
  });

  it('colour preferences weigh the catalog colours by their qualities', () => {
    const vector = styleVector({ ...none, colours: { temperature: 'cool', lightness: 'dark', intensity: 'either' } }, ['navy', 'ochre', 'sand', 'charcoal', 'no such colour']);
    assert.ok((vector.colours.navy ?? 0) > 0);
    assert.ok((vector.colours.sand ?? 0) < 0, 'warm and light is the opposite on both');
    assert.equal(vector.colours['no such colour'], undefined);
    assert.ok(productAffinity(vector, product({ colours: ['sand', 'navy'] })) > productAffinity(vector, product({ colours: ['sand'] })), 'a product is as good as its best colour variant');
  });

  it('affinity stays within 0…1 for any answers over the cards', () => {
    for (const card of STYLE_CARDS) {
      const vector = styleVector({ cards: { [card.id]: 'like' }, colours: { temperature: 'warm', lightness: 'dark', intensity: 'bright' }, materials: ['velvet'], retailerIds: ['x'] }, card.colours);
      for (const other of STYLE_CARDS) {
        const score = productAffinity(vector, product({ styleTags: [other.style], materials: other.materials as string[], colours: other.colours as string[] }));
        assert.ok(score >= 0 && score <= 1, `${card.id} × ${other.id}: ${score}`);
      }
      for (const colour of card.colours) assert.ok(colourQualities(colour), `card ${card.id}: colour ${colour} has qualities`);
    }
  });

  it('summarises for the designer: liked styles strongest first, avoided ones, counts', () => {
    const answers: StyleAnswers = { cards: { 'japandi-quiet': 'like', 'scandinavian-calm': 'like', 'boho-layers': 'pass' }, colours: NO_COLOUR_PREFERENCES, materials: ['linen'], retailerIds: ['r-1'] };
    const summary = styleSummary(answers, styleVector(answers));
    assert.equal(summary.styles[0], 'scandinavian');
    assert.ok(summary.styles.includes('japandi'));
    assert.deepEqual(summary.avoids, ['boho']);
    assert.ok(summary.materials.includes('linen'));
    assert.equal(summary.liked, 2);
    assert.equal(summary.passed, 1);
    assert.deepEqual(summary.retailerIds, ['r-1']);
  });
});
