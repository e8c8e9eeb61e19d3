/**
 * The preload script: exposes `window.atelier` (core's AtelierBridge) to the isolated,
 * sandboxed renderer and nothing else. Sandboxed preloads cannot load project files, so
 * scripts/build-electron.ts bundles this into dist/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createAtelierBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('atelier', createAtelierBridge(ipcRenderer, process.platform));
