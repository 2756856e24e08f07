import { startCoreHost } from '../api/coreHost';
import { startHttpServer, type RunningServer } from '../api/httpServer';
import { rendererDistDir } from '../paths';

export interface BrowserModeOptions {
  databaseFile: string;
  port?: number;
  createDemoIfMissing?: boolean;
}

/** Browser mode: the core in its worker thread behind the 127.0.0.1 HTTP server. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningServer> {
  const core = await startCoreHost({ databaseFile: options.databaseFile, createDemoIfMissing: options.createDemoIfMissing ?? false });
  try {
    const server = await startHttpServer({ dispatch: core.dispatch, staticDir: rendererDistDir, port: options.port });
    return {
      ...server,
      close: async () => {
        await server.close();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
