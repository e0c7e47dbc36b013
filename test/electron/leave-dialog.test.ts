/**
 * The desktop app's question when a reload or a closed window would drop unsaved edits
 * (electron/leave-dialog.ts, answered to Electron's `will-prevent-unload`): in the chosen language,
 * Stay by default and on Escape, and only Leave lets the page go.
 */
import { describe, expect, it } from 'vitest';
import { leaveDialog, leaves } from '../../electron/leave-dialog.ts';
import { shellSay } from '../../messages/shell.ts';

describe('leave dialog', () => {
  it('asks in English and in Chinese, Stay the default and the cancel', () => {
    const en = leaveDialog(shellSay('en'));
    expect(en.buttons).toEqual(['Leave', 'Stay']);
    expect(en.message).toBe('Leave this page? Edits not saved will be lost.');
    const zh = leaveDialog(shellSay('zh-CN'));
    expect(zh.buttons).toEqual(['离开', '留下']);
    expect(zh.title).toBe('未保存的修改');
    for (const options of [en, zh]) {
      expect(options.defaultId).toBe(1);
      expect(options.cancelId).toBe(1);
      expect(leaves(options.defaultId ?? -1)).toBe(false);
    }
  });

  it('lets the page unload only on Leave', () => {
    expect(leaves(0)).toBe(true);
    expect(leaves(1)).toBe(false);
  });
});
