import { assert, describe, it } from '../../testing/node-test.ts';
import { colourForName, isGreenish, paletteFor, shade } from './colours.ts';

describe('colourForName', () => {
  it('knows the catalog’s colour words, in any case and spelling of grey', () => {
    assert.equal(colourForName('Navy'), colourForName('navy'));
    assert.equal(colourForName('slate gray'), colourForName('slate grey'));
    assert.match(colourForName('forest green') ?? '', /^#[0-9a-f]{6}$/);
  });

  it('passes hex colours through and finds known words inside phrases', () => {
    assert.equal(colourForName('#AABBCC'), '#aabbcc');
    assert.equal(colourForName('warm natural oak veneer'), colourForName('natural oak'));
    assert.equal(colourForName('unobtainium'), null);
    assert.equal(colourForName(undefined), null);
  });
});

describe('paletteFor', () => {
  it('uses the chosen colour, else the product’s first, else a neutral for the category', () => {
    assert.equal(paletteFor('sofa', 'navy', ['sage'], []).main, colourForName('navy'));
    assert.equal(paletteFor('sofa', undefined, ['sage'], []).main, colourForName('sage'));
    assert.match(paletteFor('sofa', undefined, [], []).main, /^#[0-9a-f]{6}$/);
  });

  it('takes legs and frames from the first wood or metal the product is made of', () => {
    const walnut = paletteFor('sofa', 'ochre', [], ['wool', 'walnut', 'brass']);
    assert.equal(walnut.frame, colourForName('walnut'));
    assert.equal(walnut.frameIsMetal, false);
    assert.equal(walnut.metal, colourForName('brass'));
    const steel = paletteFor('dining table', 'white', [], ['steel', 'ash']);
    assert.equal(steel.frameIsMetal, true);
  });
});

describe('shade and isGreenish', () => {
  it('lightens and darkens toward white and black', () => {
    assert.equal(shade('#808080', 1), '#ffffff');
    assert.equal(shade('#808080', -1), '#000000');
    assert.equal(shade('#808080', 0), '#808080');
  });

  it('tells foliage from pots', () => {
    assert.equal(isGreenish('#4f7a55'), true);
    assert.equal(isGreenish('#b8654a'), false);
  });
});
