import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BRIDGE_CHANNELS, type NotificationRequest } from '../../core/bridge.ts';
import { MAX_IMAGE_BYTES } from './files.ts';
import { type InvokeEventLike, type IpcMainLike, type NativeServices, createBridgeHandlers, registerBridgeHandlers } from './ipc.ts';

const APP = 'http://127.0.0.1:43117';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

interface FakeFile {
  readonly bytes: Uint8Array;
  readonly size?: number;
}

function fakeServices(options: { files?: Record<string, FakeFile>; picked?: string[]; savePath?: string } = {}) {
  const log = {
    notifications: [] as NotificationRequest[],
    opened: [] as string[],
    written: [] as { path: string; bytes: Uint8Array }[],
    suggestedNames: [] as string[],
  };
  const files = options.files ?? {};
  const file = (filePath: string): FakeFile => {
    const found = files[filePath];
    if (!found) throw new Error(`no such file ${filePath}`);
    return found;
  };
  const services: NativeServices = {
    showNotification: (request) => void log.notifications.push(request),
    openExternal: async (url) => void log.opened.push(url),
    chooseImagePaths: async () => options.picked ?? [],
    chooseSavePath: async (name) => {
      log.suggestedNames.push(name);
      return options.savePath;
    },
    fileSize: async (filePath) => file(filePath).size ?? file(filePath).bytes.byteLength,
    readFile: async (filePath) => file(filePath).bytes,
    writeFile: async (filePath, bytes) => void log.written.push({ path: filePath, bytes }),
  };
  return { services, log };
}

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    assert.ok(!this.handlers.has(channel), `${channel} registered twice`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    assert.ok(handler, `no handler for ${channel}`);
    return handler(event, ...args);
  }
}

const fromApp: InvokeEventLike = { senderFrame: { url: `${APP}/projects/1`, parent: null } };

describe('registerBridgeHandlers', () => {
  it('registers one handler per invoke channel and none for the pushed menu channel', () => {
    const ipc = new FakeIpcMain();
    registerBridgeHandlers(ipc, APP, createBridgeHandlers(fakeServices().services));
    const expected = Object.entries(BRIDGE_CHANNELS)
      .filter(([name]) => name !== 'menuCommand')
      .map(([, channel]) => channel)
      .sort();
    assert.deepEqual([...ipc.handlers.keys()].sort(), expected);
  });

  it('answers the app window', async () => {
    const { services, log } = fakeServices();
    const ipc = new FakeIpcMain();
    registerBridgeHandlers(ipc, APP, createBridgeHandlers(services));
    await ipc.invoke(BRIDGE_CHANNELS.showNotification, fromApp, { title: 'Options ready', body: 'Your designer posted 3 options' });
    assert.deepEqual(log.notifications, [{ title: 'Options ready', body: 'Your designer posted 3 options' }]);
  });

  it('refuses a sender on another origin, an iframe, and a destroyed frame — for every channel', async (t) => {
    const warnings = t.mock.method(console, 'warn', () => {});
    const { services, log } = fakeServices({ picked: [] });
    const ipc = new FakeIpcMain();
    registerBridgeHandlers(ipc, APP, createBridgeHandlers(services));
    const untrusted: InvokeEventLike[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/page.html', parent: null } },
      { senderFrame: { url: `${APP}/embedded`, parent: { url: APP } } },
      { senderFrame: null },
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ];
    for (const channel of ipc.handlers.keys()) {
      for (const event of untrusted) {
        await assert.rejects(ipc.invoke(channel, event, { title: 't', body: 'b' }), /refused/, channel);
      }
    }
    assert.deepEqual(log.notifications, []);
    assert.equal(warnings.mock.callCount(), ipc.handlers.size * untrusted.length, 'each refusal is logged');
  });

  it('returns a function that removes every handler', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerBridgeHandlers(ipc, APP, createBridgeHandlers(fakeServices().services));
    unregister();
    assert.equal(ipc.handlers.size, 0);
  });
});

describe('showNotification', () => {
  it('refuses malformed requests', async () => {
    const { services, log } = fakeServices();
    const handlers = createBridgeHandlers(services);
    for (const args of [[], [null], ['text'], [{ title: '', body: 'b' }], [{ title: 't' }], [{ title: 't', body: 'b', icon: 'file:///x' }], [{ title: 'x'.repeat(201), body: '' }], [{ title: 't', body: 'b' }, 'extra']]) {
      await assert.rejects(handlers.showNotification(args), /Invalid showNotification request/, JSON.stringify(args));
    }
    assert.deepEqual(log.notifications, []);
  });
});

describe('openExternal', () => {
  it('opens https links in the system browser', async () => {
    const { services, log } = fakeServices();
    assert.equal(await createBridgeHandlers(services).openExternal(['https://retailer.example/p/1']), true);
    assert.deepEqual(log.opened, ['https://retailer.example/p/1']);
  });

  it('refuses javascript:, file:, http: and links with credentials, opening nothing', async () => {
    const { services, log } = fakeServices();
    const handlers = createBridgeHandlers(services);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://retailer.example/', 'https://me:secret@retailer.example/']) {
      assert.equal(await handlers.openExternal([url]), false, url);
    }
    assert.deepEqual(log.opened, []);
  });

  it('refuses a non-string argument', async () => {
    const handlers = createBridgeHandlers(fakeServices().services);
    await assert.rejects(handlers.openExternal([{ toString: () => 'https://x.example' }]), /Invalid openExternal request/);
  });
});

describe('pickImages', () => {
  it('returns the picked images with their real type, read from their bytes', async () => {
    const { services } = fakeServices({ picked: ['/photos/living-room.jpg', '/photos/window.png'], files: { '/photos/living-room.jpg': { bytes: JPEG }, '/photos/window.png': { bytes: PNG } } });
    const picked = await createBridgeHandlers(services).pickImages([]);
    assert.deepEqual(picked, [
      { name: 'living-room.jpg', mimeType: 'image/jpeg', bytes: JPEG },
      { name: 'window.png', mimeType: 'image/png', bytes: PNG },
    ]);
  });

  it('returns nothing when the dialog is cancelled', async () => {
    assert.deepEqual(await createBridgeHandlers(fakeServices({ picked: [] }).services).pickImages([]), []);
  });

  it('refuses photos over 20 MB, naming them, before reading any', async () => {
    const { services } = fakeServices({ picked: ['/p/ok.jpg', '/p/huge.jpg'], files: { '/p/ok.jpg': { bytes: JPEG }, '/p/huge.jpg': { bytes: JPEG, size: MAX_IMAGE_BYTES + 1 } } });
    await assert.rejects(createBridgeHandlers(services).pickImages([]), /huge\.jpg is larger than 20 MB/);
  });

  it('refuses a file whose bytes are not an image, whatever its name', async () => {
    const { services } = fakeServices({ picked: ['/p/script.jpg'], files: { '/p/script.jpg': { bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf ~') } } });
    await assert.rejects(createBridgeHandlers(services).pickImages([]), /script\.jpg is not a JPEG, PNG, WebP or GIF image/);
  });

  it('takes no arguments', async () => {
    await assert.rejects(createBridgeHandlers(fakeServices().services).pickImages(['/etc/passwd']), /Invalid pickImages request/);
  });
});

describe('saveFile', () => {
  const bytes = new TextEncoder().encode('shopping list');

  it('writes the bytes where the user chose and reports true', async () => {
    const { services, log } = fakeServices({ savePath: '/home/me/Downloads/list.csv' });
    assert.equal(await createBridgeHandlers(services).saveFile([{ suggestedName: 'list.csv', bytes }]), true);
    assert.deepEqual(log.written, [{ path: '/home/me/Downloads/list.csv', bytes }]);
  });

  it('writes nothing and reports false when the dialog is cancelled', async () => {
    const { services, log } = fakeServices({ savePath: undefined });
    assert.equal(await createBridgeHandlers(services).saveFile([{ suggestedName: 'list.csv', bytes }]), false);
    assert.deepEqual(log.written, []);
  });

  it('suggests only a bare file name, never a path', async () => {
    const { services, log } = fakeServices({ savePath: undefined });
    await createBridgeHandlers(services).saveFile([{ suggestedName: '../../.bashrc', bytes }]);
    await createBridgeHandlers(services).saveFile([{ suggestedName: 'C:\\Windows\\system32\\x.dll', bytes }]);
    assert.deepEqual(log.suggestedNames, ['bashrc', 'x.dll']);
  });

  it('refuses requests without bytes or a name', async () => {
    const handlers = createBridgeHandlers(fakeServices({ savePath: '/x' }).services);
    for (const request of [{ suggestedName: 'a.txt', bytes: 'text' }, { suggestedName: '', bytes }, { bytes }, { suggestedName: 'a.txt', bytes: [1, 2, 3] }]) {
      await assert.rejects(handlers.saveFile([request]), /Invalid saveFile request/, JSON.stringify(request));
    }
  });
});
