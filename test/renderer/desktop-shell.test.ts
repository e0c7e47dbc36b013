/**
 * The page's side of the desktop menu (renderer/app/desktop-shell.ts, workspace-open.ts), with the
 * preload's bridge replaced by a recording double (the native dialogs are the machine's edge). The
 * whole path in Chromium, with real unsaved edits and a real workspace switch: test/e2e/desktop-menu.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopBridge, MenuCommand } from '../../service/api/contract.ts';
import { ApiClient } from '../../renderer/api/client.ts';
import type { ApiTransport } from '../../renderer/api/transport.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { connectDesktopShell } from '../../renderer/app/desktop-shell.ts';
import { chooseLanguage, chosenLanguage, showLanguageFor } from '../../renderer/app/language.ts';
import { mayLeaveWorkspace } from '../../renderer/app/workspace-open.ts';
import { scopedToWorkspace } from '../../renderer/app/workspace-scope.ts';

let unsaved: string[] = [];
scopedToWorkspace({ forget: () => undefined, unsavedWork: () => unsaved[0] ?? null });
scopedToWorkspace({ forget: () => undefined, unsavedWork: () => unsaved[1] ?? null });

beforeAll(() => loadCatalogue('zh-CN'));
afterAll(() => chooseLanguage('en'));

interface Shell {
  readonly bridge: DesktopBridge;
  readonly languages: string[];
  readonly dialogs: { kind: 'open' | 'save'; title: string }[];
  /** How many times the page said it is ready for the menu's commands. */
  readonly readies: () => number;
  send(command: string): void;
}

/** The preload's bridge as a double: records what the page tells the shell and the dialogs it asks for (each cancelled). */
function fakeShell(): Shell {
  const languages: string[] = [];
  const dialogs: { kind: 'open' | 'save'; title: string }[] = [];
  const listeners = new Set<(command: MenuCommand) => void>();
  let readies = 0;
  const bridge: DesktopBridge = {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'UNEXPECTED', message: 'no call expected' } }),
    onEvent: () => () => undefined,
    chooseOpenFile: ({ title }) => (dialogs.push({ kind: 'open', title }), Promise.resolve(null)),
    chooseSaveFile: ({ title }) => (dialogs.push({ kind: 'save', title }), Promise.resolve(null)),
    savePackPdf: () => Promise.resolve(null),
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    menuReady: () => {
      readies += 1;
    },
    setLanguage: (language) => languages.push(language),
  };
  return { bridge, languages, dialogs, readies: () => readies, send: (command) => listeners.forEach((listener) => listener(command as MenuCommand)) };
}

const unused = (): never => {
  throw new Error('not used here');
};

function clientOf(bridge: DesktopBridge | null): ApiClient {
  const transport: ApiTransport = { kind: bridge ? 'electron' : 'http', invoke: unused, subscribe: () => () => undefined, desktop: bridge, upload: unused, download: unused };
  return new ApiClient(transport);
}

/** The page's start (its language loaded, the first render), settled when the test says. */
function pageStart(): { readonly started: Promise<void>; readonly start: () => void } {
  const begun: { start?: () => void } = {};
  const started = new Promise<void>((resolve) => {
    begun.start = resolve;
  });
  return { started, start: () => begun.start?.() };
}

/** Lets every settled promise's callbacks run. */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

describe('asking before another workspace drops unsaved edits', () => {
  it('asks nothing when nothing is unsaved, and names every unsaved set in the language shown otherwise', async () => {
    const asked: string[] = [];
    unsaved = [];
    expect(mayLeaveWorkspace((question) => (asked.push(question), false))).toBe(true);
    expect(asked).toEqual([]);

    unsaved = ['my stress 压力', 'tranche set'];
    expect(mayLeaveWorkspace((question) => (asked.push(question), false))).toBe(false);
    expect(mayLeaveWorkspace((question) => (asked.push(question), true))).toBe(true);
    const english = 'The unsaved changes to “my stress 压力”, “tranche set” belong to this workspace and are dropped when another one opens. Open the other workspace anyway?';
    expect(asked).toEqual([english, english]);

    await chooseLanguage('zh-CN');
    expect(mayLeaveWorkspace((question) => (asked.push(question), false))).toBe(false);
    // Listed as Chinese lists: “a”、“b” (the English ', ' gave “a”, “b”).
    expect(asked[2]).toBe('对“my stress 压力”、“tranche set”的未保存修改属于本工作区，打开另一个工作区时将被放弃。仍要打开另一个工作区吗？');
    await chooseLanguage('en');
    unsaved = [];
  });
});

describe('the page connected to the desktop shell', () => {
  it('tells the shell the chosen language at once and at each choice, not a language a document shows for itself', async () => {
    const shell = fakeShell();
    const disconnect = connectDesktopShell(clientOf(shell.bridge), Promise.resolve());
    expect(shell.languages).toEqual([chosenLanguage.get()]);
    await chooseLanguage('en');
    await chooseLanguage('zh-CN');
    expect(shell.languages.at(-1)).toBe('zh-CN');
    const count = shell.languages.length;
    // The investor pack shown in English for a while (showLanguageFor): the menu stays Chinese.
    const restore = showLanguageFor('en');
    restore();
    expect(shell.languages.length).toBe(count);
    disconnect();
    await chooseLanguage('en');
    expect(shell.languages.length).toBe(count);
  });

  it('carries out the menu’s New and Open with the dialog titled in the chosen language, and ignores a command it does not know', async () => {
    const shell = fakeShell();
    const disconnect = connectDesktopShell(clientOf(shell.bridge), Promise.resolve());
    shell.send('workspace.open');
    shell.send('workspace.delete');
    await chooseLanguage('zh-CN');
    shell.send('workspace.new');
    expect(shell.dialogs).toEqual([
      { kind: 'open', title: 'Open workspace' },
      { kind: 'save', title: '新建工作区' },
    ]);
    disconnect();
    shell.send('workspace.open');
    expect(shell.dialogs.length).toBe(2);
    await chooseLanguage('en');
  });

  it('tells the shell it is ready for the menu’s commands once the page has started, its language loaded or not, and not after it disconnected', async () => {
    const shell = fakeShell();
    const page = pageStart();
    const disconnect = connectDesktopShell(clientOf(shell.bridge), page.started);
    await settled();
    // Listening, but the language not loaded yet: a command given now would open an English dialog for a Chinese reader.
    expect(shell.readies()).toBe(0);
    page.start();
    await settled();
    expect(shell.readies()).toBe(1);
    disconnect();

    // The language's chunk could not be fetched: the page speaks English, and is ready all the same.
    const unloaded = fakeShell();
    const disconnectUnloaded = connectDesktopShell(clientOf(unloaded.bridge), Promise.reject(new Error('chunk not fetched')));
    await settled();
    expect(unloaded.readies()).toBe(1);
    disconnectUnloaded();

    // Disconnected before it started: nothing is said.
    const gone = fakeShell();
    const late = pageStart();
    connectDesktopShell(clientOf(gone.bridge), late.started)();
    late.start();
    await settled();
    expect(gone.readies()).toBe(0);
  });

  it('does nothing in the browser, which has no desktop menu', () => {
    expect(() => connectDesktopShell(clientOf(null), Promise.resolve())()).not.toThrow();
  });
});
