/**
 * The question main asks when the page refuses to unload (its `beforeunload` guard holds unsaved
 * edits, renderer/app/unsaved-edits.ts): Electron shows no dialog of its own for it, so main answers
 * `will-prevent-unload` with this native one, in the shell's language. Pure, tested without Electron.
 */
import type { MessageBoxSyncOptions } from 'electron';
import type { ShellSay } from '../messages/shell.ts';

const LEAVE = 0;
const STAY = 1;

/** The dialog: Leave or Stay, Stay the default and the answer to Escape (nothing is lost by staying). */
export function leaveDialog(say: ShellSay): MessageBoxSyncOptions {
  const buttons: string[] = [];
  buttons[LEAVE] = say('shell.dialog.leave.leave');
  buttons[STAY] = say('shell.dialog.leave.stay');
  return {
    type: 'question',
    title: say('shell.dialog.leave.title'),
    message: say('shell.dialog.leave.message'),
    detail: say('shell.dialog.leave.detail'),
    buttons,
    defaultId: STAY,
    cancelId: STAY,
    noLink: true,
  };
}

/** True when the button clicked (showMessageBoxSync's answer) lets the page unload. */
export function leaves(response: number): boolean {
  return response === LEAVE;
}
