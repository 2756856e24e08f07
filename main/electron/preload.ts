// Sandboxed preload: exposes one function that forwards a call to the main process. No Node API reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { AtlasBridge } from '../../shared/api/index';
import type * as transport from '../../shared/transport';

// A sandboxed preload may require 'electron' only, so the transport's names are written out here; typed as the shared
// ones, so that the compiler refuses them if they drift apart (security.test.ts checks the imports stay type-only).
const IPC_CHANNEL: typeof transport.IPC_CHANNEL = 'atlas:invoke';
const PRINT_CHANNEL: typeof transport.PRINT_CHANNEL = 'atlas:print-pdf';
const BRIDGE_GLOBAL: typeof transport.BRIDGE_GLOBAL = 'atlasBridge';

const bridge: AtlasBridge = {
  invoke: (channel, arg) => ipcRenderer.invoke(IPC_CHANNEL, channel, arg),
  printToPdf: () => ipcRenderer.invoke(PRINT_CHANNEL),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
