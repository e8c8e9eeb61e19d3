import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../core/bridge.ts';
import { buildMenuTemplate } from './menu.ts';

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  assert.ok(item, 'menu exists');
  assert.ok(Array.isArray(item.submenu), 'submenu is a list');
  return item.submenu;
}

function topLevelNames(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) => item.label ?? item.role ?? '?');
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => (Array.isArray(item.submenu) ? [item, ...allItems(item.submenu)] : [item]));
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.find((item) => item.label === label || item.role === label);
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with no app menu', () => {
    for (const platform of ['win32', 'linux'] as const) {
      assert.deepEqual(topLevelNames(buildMenuTemplate(platform, () => {})), ['File', 'Edit', 'View', 'windowMenu', 'help'], platform);
    }
  });

  it('puts the app menu first on macOS', () => {
    const template = buildMenuTemplate('darwin', () => {});
    assert.deepEqual(topLevelNames(template), ['Atelier', 'File', 'Edit', 'View', 'windowMenu']);
    const appRoles = submenuOf(template[0]).map((item) => item.role);
    assert.ok(appRoles.includes('about') && appRoles.includes('quit') && appRoles.includes('hide'));
  });

  it('shows every menu command exactly once, with its label and shortcut', () => {
    const items = allItems(buildMenuTemplate('linux', () => {}));
    for (const command of MENU_COMMANDS) {
      const matches = items.filter((item) => item.id === command.id);
      assert.equal(matches.length, 1, command.id);
      assert.equal(matches[0]?.label, command.label);
      assert.equal(matches[0]?.accelerator, command.accelerator);
    }
  });

  it('files each command under the menu its id names', () => {
    const template = buildMenuTemplate('linux', () => {});
    const editIds = submenuOf(byLabel(template, 'Edit')).map((item) => item.id);
    const viewIds = submenuOf(byLabel(template, 'View')).map((item) => item.id);
    assert.ok(editIds.includes('edit.undo') && editIds.includes('edit.delete'));
    assert.ok(viewIds.includes('view.plan') && viewIds.includes('view.palette'));
  });

  it('sends the command id to the renderer when an entry is clicked', () => {
    const sent: string[] = [];
    const items = allItems(buildMenuTemplate('win32', (id) => sent.push(id)));
    for (const command of MENU_COMMANDS) {
      const item = items.find((candidate) => candidate.id === command.id);
      assert.ok(item?.click);
      (item.click as () => void)();
    }
    assert.deepEqual(sent, MENU_COMMANDS.map((command) => command.id));
  });

  it('leaves shortcuts to the renderer on Windows and Linux, and to the menu on macOS', () => {
    const commandItem = (platform: NodeJS.Platform) => allItems(buildMenuTemplate(platform, () => {})).find((item) => item.id === 'edit.undo');
    assert.equal(commandItem('linux')?.registerAccelerator, false);
    assert.equal(commandItem('win32')?.registerAccelerator, false);
    assert.equal(commandItem('darwin')?.registerAccelerator, true);
  });

  it('keeps the native clipboard roles in Edit for text fields', () => {
    const roles = submenuOf(byLabel(buildMenuTemplate('darwin', () => {}), 'Edit')).map((item) => item.role);
    for (const role of ['cut', 'copy', 'paste', 'selectAll']) assert.ok(roles.includes(role as never), role);
  });

  it('offers developer tools only when asked', () => {
    const roles = (showDeveloperTools: boolean) => allItems(buildMenuTemplate('linux', () => {}, { showDeveloperTools })).map((item) => item.role);
    assert.ok(!roles(false).includes('toggleDevTools'));
    assert.ok(roles(true).includes('toggleDevTools'));
  });

  it('never starts, ends or doubles a separator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const menu of buildMenuTemplate(platform, () => {}, { showDeveloperTools: true })) {
        const types = submenuOf(menu).map((item) => item.type ?? 'normal');
        assert.notEqual(types[0], 'separator');
        assert.notEqual(types.at(-1), 'separator');
        assert.ok(!types.some((type, i) => type === 'separator' && types[i - 1] === 'separator'));
      }
    }
  });
});
