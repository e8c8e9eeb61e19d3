import { assert, describe, it } from '../testing/node-test.ts';
import { displayShortcut, matchesShortcut } from './shortcuts.ts';

const stroke = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('matchesShortcut', () => {
  it('reads Mod as Ctrl off the Mac and ⌘ on it', () => {
    assert.equal(matchesShortcut('Mod+Shift+L', stroke('L', { ctrlKey: true, shiftKey: true }), false), true);
    assert.equal(matchesShortcut('Mod+Shift+L', stroke('l', { metaKey: true, shiftKey: true }), true), true);
    assert.equal(matchesShortcut('Mod+Shift+L', stroke('l', { ctrlKey: true, shiftKey: true }), true), false);
  });

  it('needs exactly the listed modifiers', () => {
    assert.equal(matchesShortcut('Mod+Z', stroke('z', { ctrlKey: true, shiftKey: true }), false), false);
    assert.equal(matchesShortcut('Mod+Z', stroke('z', { ctrlKey: true }), false), true);
    assert.equal(matchesShortcut('Delete', stroke('Delete'), false), true);
  });
});

describe('displayShortcut', () => {
  it('writes shortcuts the way each platform does', () => {
    assert.equal(displayShortcut('Mod+Shift+L', true), '⌘⇧L');
    assert.equal(displayShortcut('Mod+Shift+L', false), 'Ctrl+Shift+L');
  });
});
