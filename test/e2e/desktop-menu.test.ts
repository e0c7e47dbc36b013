import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { openWebSession, type WebSession } from '../helpers/web-session.ts';

/**
 * The desktop menu's File ▸ New Workspace… / Open Workspace… (Ctrl+N / Ctrl+O) in real Chromium:
 * the page carries them out (renderer/app/desktop-shell.ts), so they ask before unsaved edits of this
 * workspace's sets are dropped — before the native dialog, in the Workspace screen's words — and
 * the dialog and any error speak the chosen language, which the page tells the shell. Electron
 * cannot run here: the preload's bridge is a stand-in whose API calls and events go to the real
 * service over the HTTP transport; only the menu (a command sent) and the native dialogs (recorded,
 * answered with a path) are played by the test. Main's side of the menu's commands is main's own
 * code: electron/page-commands.ts, which holds a command until the page says it is ready, runs in
 * the page (its types stripped) in main's place.
 */

let session: WebSession;
/** electron/page-commands.ts as a script: `var pageCommandsModule = { PageCommands }`. */
let pageCommandsScript: string;

beforeAll(async () => {
  const source = readFileSync(join(REPO_ROOT, 'electron', 'page-commands.ts'), 'utf8');
  pageCommandsScript = (await transform(source, { loader: 'ts', format: 'iife', globalName: 'pageCommandsModule' })).code;
  session = await openWebSession('abs-e2e-desktop-menu-', 'a.sqlite');
}, 60_000);

afterAll(() => session.close());

/** Set in the tab's session storage, a command main sends the moment the next document starts: a menu item chosen while the window loads. */
const MENU_AT_LOAD = 'abs.test.menuAtLoad';

/**
 * electron/preload.ts's bridge over the HTTP transport (script text: the tests are typed without the
 * DOM's names), and main's side of the menu: its commands go through PageCommands as in main, each
 * delivered a moment later as IPC is, and `shell.log` says whether a listener heard it.
 */
function preloadStandIn(token: string): string {
  return `(() => {
    ${pageCommandsScript}
    const token = ${JSON.stringify(token)};
    const shell = { languages: [], dialogs: [], answer: null, listeners: new Set(), log: [] };
    window.shell = shell;
    const commands = new pageCommandsModule.PageCommands((command) =>
      setTimeout(() => {
        shell.log.push((shell.listeners.size === 0 ? 'lost ' : 'heard ') + command);
        shell.listeners.forEach((listener) => listener(command));
      }),
    );
    shell.send = (command) => commands.send(command);
    const dialog = (kind) => async (options) => {
      shell.dialogs.push({ kind, ...options });
      return shell.answer;
    };
    window.abs = {
      invoke: async (method, params) =>
        (await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-abs-token': token }, body: JSON.stringify({ method, params }) })).json(),
      onEvent: (listener) => {
        const source = new EventSource('/api/events?token=' + encodeURIComponent(token));
        source.addEventListener('message', (message) => listener(JSON.parse(message.data)));
        return () => source.close();
      },
      chooseOpenFile: dialog('open'),
      chooseSaveFile: dialog('save'),
      savePackPdf: async () => null,
      onMenuCommand: (listener) => {
        shell.listeners.add(listener);
        return () => shell.listeners.delete(listener);
      },
      menuReady: () => {
        shell.log.push('ready');
        commands.pageReady();
      },
      setLanguage: (language) => shell.languages.push(language),
    };
    const early = sessionStorage.getItem(${JSON.stringify(MENU_AT_LOAD)});
    if (early) {
      sessionStorage.removeItem(${JSON.stringify(MENU_AT_LOAD)});
      shell.send(early);
    }
  })();`;
}

interface Dialog {
  readonly kind: 'open' | 'save';
  readonly title: string;
  readonly defaultName?: string;
  readonly filters: readonly { name: string; extensions: string[] }[];
}

const page = () => session.browser.page;
/** Sends a command as main does when the menu item is clicked. */
const menu = (command: 'workspace.new' | 'workspace.open') => page().evaluate(`window.shell.send(${JSON.stringify(command)})`);
/** The native dialogs the page asked the shell for, in order. */
const dialogs = async () => (await page().evaluate('window.shell.dialogs')) as Dialog[];
/** What the next native dialog answers: the file "chosen". */
const answerDialogWith = (path: string) => page().evaluate(`window.shell.answer = ${JSON.stringify(path)}`);
const workspacePath = () => page().getByTestId('workspace-path').textContent();

describe('File ▸ New Workspace… and Open Workspace… of the desktop menu', () => {
  it('ask about unsaved set edits before the dialog, and leave everything as it was when the analyst declines', async () => {
    await page().addInitScript(preloadStandIn(session.server.token));
    await page().goto(`${session.server.origin}/#/`);
    await expect.poll(workspacePath).toBe(join(session.dir, 'a.sqlite'));
    await expect.poll(() => page().evaluate('window.shell.languages')).toEqual(['en']);

    // A saved set, then edited and not saved again.
    await openArea(page(), 'Assumptions');
    await page().getByRole('button', { name: 'Start from the example' }).first().click();
    await page().getByLabel('Set name').fill('my stress 压力');
    await page().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page().getByLabel('Open set').locator('option').allTextContents()).toEqual(['my stress 压力']);
    await page().getByLabel('Cure from 1–30 dpd (%)').first().fill('40');
    await expect.poll(() => page().getByLabel('Open set').locator('option').allTextContents()).toEqual(['my stress 压力 (edited)']);

    const asked: string[] = [];
    page().once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await menu('workspace.open');
    await expect.poll(() => asked).toEqual(['The unsaved changes to “my stress 压力” belong to this workspace and are dropped when another one opens. Open the other workspace anyway?']);
    // Declined: no native dialog, the same workspace, the edits still there.
    expect(await dialogs()).toEqual([]);
    expect(await workspacePath()).toBe(join(session.dir, 'a.sqlite'));
    expect(await page().getByLabel('Open set').locator('option').allTextContents()).toEqual(['my stress 压力 (edited)']);

    // The Workspace screen's own Open button asks the same, before its dialog too.
    await openArea(page(), 'Workspace');
    page().once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page().getByRole('button', { name: 'Open workspace…' }).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe(asked[0]);
    expect(await dialogs()).toEqual([]);
    expect(session.browser.pageErrors).toEqual([]);
  }, 120_000);

  it('open the native dialog once the analyst agrees, and the workspace chosen there', async () => {
    await answerDialogWith(join(session.dir, 'b.sqlite'));
    const asked: string[] = [];
    page().once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await menu('workspace.new');
    await expect.poll(workspacePath).toBe(join(session.dir, 'b.sqlite'));
    expect(asked).toHaveLength(1);
    expect(await dialogs()).toEqual([{ kind: 'save', title: 'New workspace', defaultName: 'workspace.sqlite', filters: [{ name: 'ABS workspace', extensions: ['sqlite', 'db'] }] }]);
    expect(session.browser.pageErrors).toEqual([]);
  }, 60_000);

  it('speak the chosen language: the shell is told, the dialog is titled and a refused file reported in Chinese', async () => {
    await page().getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page().evaluate('window.shell.languages')).toEqual(['en', 'zh-CN']);

    // Nothing unsaved in b.sqlite: straight to the dialog, whose file is refused.
    const bogus = join(session.dir, 'not-a-db.sqlite');
    writeFileSync(bogus, 'this is a text file');
    await answerDialogWith(bogus);
    await menu('workspace.open');
    await expect.poll(async () => (await dialogs()).length).toBe(2);
    expect((await dialogs())[1]).toEqual({ kind: 'open', title: '打开工作区', filters: [{ name: 'ABS 工作区', extensions: ['sqlite', 'db'] }] });
    const alert = page().getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('无法打开工作区');
    await expect.poll(() => alert.textContent()).toContain('WORKSPACE_NOT_SQLITE');
    expect(await workspacePath()).toBe(join(session.dir, 'b.sqlite'));

    // Reloaded with Chinese chosen, the page tells the shell at once (the menu starts in the system's language).
    await page().reload();
    await expect.poll(() => page().evaluate('window.shell.languages')).toEqual(['zh-CN']);
    await page().getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page().evaluate('window.shell.languages')).toEqual(['zh-CN', 'en']);
    expect(session.browser.pageErrors).toEqual([]);
  }, 60_000);

  it('carry out a command chosen while the page loads once it is ready, in the language chosen', async () => {
    await page().getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    // File ▸ Open Workspace… chosen as the window (re)loads: main sends it before any script of the page has run.
    await page().evaluate(`sessionStorage.setItem(${JSON.stringify(MENU_AT_LOAD)}, 'workspace.open')`);
    await page().reload();
    // Held until the page said it was ready, then heard: before the fix it went to no listener and was lost.
    await expect.poll(() => page().evaluate('window.shell.log')).toEqual(['ready', 'heard workspace.open']);
    // Ready only once its Chinese had loaded: the dialog is titled in it (an English title before the chunk came).
    await expect.poll(dialogs).toEqual([{ kind: 'open', title: '打开工作区', filters: [{ name: 'ABS 工作区', extensions: ['sqlite', 'db'] }] }]);
    // Cancelled: the same workspace.
    expect(await workspacePath()).toBe(join(session.dir, 'b.sqlite'));
    // A command chosen once the page is ready reaches it at once.
    await menu('workspace.new');
    await expect.poll(async () => (await dialogs()).length).toBe(2);
    expect(await page().evaluate('window.shell.log')).toEqual(['ready', 'heard workspace.open', 'heard workspace.new']);
    expect(session.browser.pageErrors).toEqual([]);
  }, 60_000);
});
