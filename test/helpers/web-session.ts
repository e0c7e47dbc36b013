import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, type BrowserSession } from './browser.ts';
import { startWebServer, type WebServer } from './web.ts';

/** A browser on the web server of a workspace in a fresh folder: what most e2e tests start with. */
export interface WebSession {
  /** The folder of the workspace (the server's workspaces folder). */
  readonly dir: string;
  readonly server: WebServer;
  readonly browser: BrowserSession;
  /** Closes the browser, stops the server and removes the folder. */
  close(): Promise<void>;
}

/** Starts the server on `<fresh folder>/<workspaceFile>` and opens Chromium. */
export async function openWebSession(folderPrefix: string, workspaceFile: string): Promise<WebSession> {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const server = await startWebServer(['--db', join(dir, workspaceFile)]);
  const browser = await openBrowser();
  return {
    dir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
