// The renderer's one way to the core. In Electron the preload's bridge carries calls over IPC; in browser mode they
// go over HTTP to 127.0.0.1 (the session cookie carries the launch token). Same contract, same errors.
import { ApiCallError, type ApiResponse, type AtlasApi, type AtlasBridge } from '../../../shared/api/index';
import { API_PATH, BRIDGE_GLOBAL } from '../../../shared/transport';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: AtlasBridge;
  }
}

async function overHttp(channel: string, arg: unknown): Promise<ApiResponse<unknown>> {
  let response: Response;
  try {
    response = await fetch(API_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, arg }),
    });
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The server cannot be reached: ${(error as Error).message}` } };
  }
  try {
    return (await response.json()) as ApiResponse<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (HTTP ${response.status})` } };
  }
}

export type Transport = 'ipc' | 'http';

export function createApi(bridge: AtlasBridge | undefined = window[BRIDGE_GLOBAL]): AtlasApi & { transport: Transport } {
  const invoke = bridge ? bridge.invoke : overHttp;
  return {
    transport: bridge ? 'ipc' : 'http',
    async call(channel, arg) {
      const response = await invoke(channel, arg);
      if (!response.ok) throw new ApiCallError(response.error);
      return response.value as never;
    },
  };
}
