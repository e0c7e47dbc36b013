/**
 * The investor pack as a PDF (docs/reports.md): the renderer's print view of the chosen runs,
 * loaded in a hidden window and printed by Chromium's printToPDF with the page's own print CSS
 * (@page A4 landscape, a page per scenario). Electron only prints; the pack's figures come from
 * report.pack like every other screen's.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { INVESTOR_PACK_HASH } from '../service/api/contract.ts';

/** How long the pack may take to read its runs and draw its charts before the PDF is abandoned. */
const READY_TIMEOUT_MS = 120_000;
const POLL_MS = 200;

/** The page's state: 'ready' once every page is drawn (data-pack-ready), the pack's error text, or null while loading. */
const PAGE_STATE = `(() => {
  if (document.querySelector('[data-pack-ready="true"]')) return 'ready';
  const failure = document.querySelector('.pack-message[role="alert"]');
  return failure ? failure.textContent : null;
})()`;

async function waitForPack(window: BrowserWindow): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state: unknown = await window.webContents.executeJavaScript(PAGE_STATE, true);
    if (state === 'ready') return;
    if (typeof state === 'string') throw new Error(state);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`The investor pack did not finish drawing within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Writes beside `path` under a temporary name, then renames over it: no reader sees half a PDF. */
async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Prints the pack of `runIds` from the app page at `origin` to `path`, in `language` (the UI's without one); the hidden window has the main window's locked-down preferences. */
export async function printPackToPdf(origin: string, webPreferences: WebPreferences, runIds: readonly number[], path: string, language?: 'en' | 'zh-CN'): Promise<void> {
  const window = new BrowserWindow({ show: false, width: 1240, height: 880, webPreferences });
  try {
    await window.loadURL(`${origin}/index.html${INVESTOR_PACK_HASH}?runs=${runIds.join(',')}${language === undefined ? '' : `&lang=${language}`}`);
    await waitForPack(window);
    // preferCSSPageSize: the print CSS's @page (A4 landscape, 10 mm margins, page numbers) decides.
    const pdf = await window.webContents.printToPDF({ landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeAtomically(path, pdf);
  } finally {
    window.destroy();
  }
}
