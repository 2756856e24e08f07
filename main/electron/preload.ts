// Sandboxed preload: exposes one function that forwards a call to the main process. No Node API reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { AtlasBridge } from '../../shared/contract';

// Kept literal (not imported) because a sandboxed preload may only require 'electron'; security.test.ts checks them.
const IPC_CHANNEL = 'atlas:invoke';
const PRINT_CHANNEL = 'atlas:print-pdf';

const bridge: AtlasBridge = {
  invoke: (channel, arg) => ipcRenderer.invoke(IPC_CHANNEL, channel, arg),
  printToPdf: () => ipcRenderer.invoke(PRINT_CHANNEL),
};

contextBridge.exposeInMainWorld('atlasBridge', bridge);
