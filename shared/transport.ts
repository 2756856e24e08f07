// Where the renderer's calls travel, named once for the core, the shell, the preload, the renderer and the tests.

/** Browser mode: every call is a POST of { channel, arg } to this path. */
export const API_PATH = '/api/call';
/** Desktop: the global the preload exposes its bridge under (window.atlasBridge). */
export const BRIDGE_GLOBAL = 'atlasBridge';
/** Desktop: the IPC channel that carries API calls to the main process. */
export const IPC_CHANNEL = 'atlas:invoke';
/** Desktop: the IPC channel that prints the window to a PDF. */
export const PRINT_CHANNEL = 'atlas:print-pdf';
