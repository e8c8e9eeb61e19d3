import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BRIDGE_CHANNELS } from '../../core/bridge.ts';
import { type BridgeIpc, bridgePlatform, createAtelierBridge } from './bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answers: Partial<Record<string, unknown>> = {}) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: BridgeIpc = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return answers[channel];
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, ...args);
  };
  return { ipc, invoked, listeners, emit };
}

describe('createAtelierBridge', () => {
  it('exposes exactly the named functions of AtelierBridge and no IPC handle', () => {
    const bridge = createAtelierBridge(fakeIpc().ipc, 'linux');
    assert.deepEqual(Object.keys(bridge).sort(), ['onMenuCommand', 'openExternal', 'pickImages', 'platform', 'saveFile', 'showNotification']);
    for (const [key, value] of Object.entries(bridge)) {
      if (key !== 'platform') assert.equal(typeof value, 'function', key);
    }
  });

  it('calls each function on its own channel, copying only the known fields', async () => {
    const { ipc, invoked } = fakeIpc({ [BRIDGE_CHANNELS.openExternal]: true, [BRIDGE_CHANNELS.saveFile]: false, [BRIDGE_CHANNELS.pickImages]: [] });
    const bridge = createAtelierBridge(ipc, 'linux');
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.showNotification({ title: 'Refund filed', body: 'Support filed your claim', extra: 'dropped' } as never);
    assert.equal(await bridge.openExternal('https://retailer.example/'), true);
    assert.deepEqual(await bridge.pickImages(), []);
    assert.equal(await bridge.saveFile({ suggestedName: 'list.csv', bytes }), false);
    assert.deepEqual(invoked, [
      { channel: BRIDGE_CHANNELS.showNotification, args: [{ title: 'Refund filed', body: 'Support filed your claim' }] },
      { channel: BRIDGE_CHANNELS.openExternal, args: ['https://retailer.example/'] },
      { channel: BRIDGE_CHANNELS.pickImages, args: [] },
      { channel: BRIDGE_CHANNELS.saveFile, args: [{ suggestedName: 'list.csv', bytes }] },
    ]);
  });

  it('reports openExternal as refused unless main answered exactly true', async () => {
    const bridge = createAtelierBridge(fakeIpc({ [BRIDGE_CHANNELS.openExternal]: 'yes' }).ipc, 'linux');
    assert.equal(await bridge.openExternal('https://retailer.example/'), false);
  });

  it('delivers menu commands without the IPC event, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createAtelierBridge(ipc, 'darwin');
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    emit(BRIDGE_CHANNELS.menuCommand, 'edit.undo');
    emit(BRIDGE_CHANNELS.menuCommand, 42);
    unsubscribe();
    emit(BRIDGE_CHANNELS.menuCommand, 'edit.redo');
    assert.deepEqual(received, [['edit.undo']]);
    assert.equal(listeners.get(BRIDGE_CHANNELS.menuCommand)?.size, 0);
  });
});

describe('bridgePlatform', () => {
  it('names the three desktop platforms and calls the rest other', () => {
    assert.equal(bridgePlatform('darwin'), 'darwin');
    assert.equal(bridgePlatform('win32'), 'win32');
    assert.equal(bridgePlatform('linux'), 'linux');
    assert.equal(bridgePlatform('freebsd'), 'other');
  });
});
