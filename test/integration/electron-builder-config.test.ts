/**
 * electron-builder.yml, read and validated by electron-builder's own loader and schema, then
 * held to what the desktop app needs: an asar archive, the three platforms' targets, and every
 * hardening fuse flipped the safe way.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const targets = platform?.target;
  const list = Array.isArray(targets) ? targets : [targets];
  return list.map((target: unknown) => (typeof target === 'string' ? target : ((target as { target?: string } | undefined)?.target ?? String(target))));
}

function filePatterns(config: Configuration): string[] {
  const files = config.files;
  const list = Array.isArray(files) ? files : [files];
  return list.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry && 'filter' in entry ? [entry.filter ?? []].flat() : []));
}

describe('electron-builder.yml', () => {
  let config: Configuration;

  before(async () => {
    config = await getConfig(PROJECT_ROOT, path.join(PROJECT_ROOT, 'electron-builder.yml'), null);
  });

  it('passes electron-builder’s own schema', async () => {
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('names the app', () => {
    assert.equal(config.appId, 'studio.atelier.app');
    assert.equal(config.productName, 'Atelier');
  });

  it('packs the app into an asar archive with the built files and package.json', async () => {
    assert.equal(config.asar, true);
    const patterns = filePatterns(config);
    assert.ok(patterns.includes('dist/**/*'), 'dist is packed');
    assert.ok(patterns.includes('package.json'), 'package.json is packed');
    const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string };
    assert.equal(manifest.main, 'dist/electron/main.cjs', 'the entry point lies inside dist/');
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, DMG on macOS', () => {
    assert.deepEqual(targetNames(config.linux).sort(), ['AppImage', 'deb']);
    assert.deepEqual(targetNames(config.win), ['nsis']);
    assert.deepEqual(targetNames(config.mac), ['dmg']);
  });

  it('flips every hardening fuse', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has an icon large enough for every platform (a PNG of at least 512×512)', async () => {
    const icon = await readFile(path.join(PROJECT_ROOT, 'assets/icons/icon.png'));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(icon.readUInt32BE(16) >= 512 && icon.readUInt32BE(20) >= 512, 'width and height from the IHDR chunk');
  });
});
