/**
 * The menu's commands held for a page that is not listening yet (electron/page-commands.ts), as
 * main uses them: a command chosen while the window loads, after View ▸ Reload or after a crashed
 * renderer reaches the page once it says it is ready (IPC.menuReady), instead of being lost. The
 * page's side in Chromium, with this same class in main's place: test/e2e/desktop-menu.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PageCommands } from '../../electron/page-commands.ts';
import type { MenuCommand } from '../../service/api/contract.ts';

/** Main's queue with a page that records what reaches it (main: webContents.send on IPC.menuCommand). */
function shell(): { commands: PageCommands<MenuCommand>; page: MenuCommand[] } {
  const page: MenuCommand[] = [];
  return { commands: new PageCommands<MenuCommand>((command) => page.push(command)), page };
}

describe('menu commands for a page that is still loading', () => {
  it('holds the commands chosen before the page is ready and gives them to it when it is, in order', () => {
    const { commands, page } = shell();
    commands.send('workspace.open');
    commands.send('workspace.new');
    expect(page).toEqual([]);
    expect(commands.waiting).toEqual(['workspace.open', 'workspace.new']);
    commands.pageReady();
    expect(page).toEqual(['workspace.open', 'workspace.new']);
    expect(commands.waiting).toEqual([]);
  });

  it('sends at once to a ready page, and never gives a command twice', () => {
    const { commands, page } = shell();
    commands.pageReady();
    commands.send('workspace.new');
    expect(page).toEqual(['workspace.new']);
    // The page says it is ready again (a second signal of the same document): nothing is repeated.
    commands.pageReady();
    expect(page).toEqual(['workspace.new']);
  });

  it('holds commands again while another document loads (View ▸ Reload, a new renderer) until it says it is ready', () => {
    const { commands, page } = shell();
    commands.pageReady();
    commands.send('workspace.open');
    commands.pageLoading();
    commands.send('workspace.new');
    expect(page).toEqual(['workspace.open']);
    commands.pageReady();
    expect(page).toEqual(['workspace.open', 'workspace.new']);
  });

  it('keeps a shortcut pressed twice while the page loads as one command: one dialog, not two', () => {
    const { commands, page } = shell();
    commands.send('workspace.open');
    commands.send('workspace.open');
    commands.send('workspace.new');
    commands.send('workspace.open');
    commands.pageReady();
    expect(page).toEqual(['workspace.open', 'workspace.new']);
    // Once delivered, the same command chosen again is a new choice.
    commands.send('workspace.open');
    expect(page).toEqual(['workspace.open', 'workspace.new', 'workspace.open']);
  });
});
