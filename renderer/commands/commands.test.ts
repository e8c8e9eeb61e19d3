import { assert, describe, it } from '../testing/node-test.ts';
import i18next from 'i18next';
import { COMMANDS, findCommand } from './commands.ts';
import '../i18n/i18n.ts';

describe('the command list', () => {
  it('has unique ids and unique shortcuts', () => {
    const ids = COMMANDS.map((command) => command.id);
    assert.equal(new Set(ids).size, ids.length);
    const shortcuts = COMMANDS.flatMap((command) => (command.shortcut ? [command.shortcut] : []));
    assert.equal(new Set(shortcuts).size, shortcuts.length);
  });

  it('labels every command in English', () => {
    for (const command of COMMANDS) {
      const label = i18next.t(command.label);
      assert.notEqual(label, command.label, `${command.id} has no English label`);
    }
  });

  it('finds commands by the id the native menu sends', () => {
    assert.equal(findCommand('view.toggleTheme')?.id, 'view.toggleTheme');
    assert.equal(findCommand('no.such.command'), undefined);
  });
});
