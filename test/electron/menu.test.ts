/**
 * The desktop app's menu (electron/menu.ts) in the analyst's language, built without Electron from
 * the shell's catalogue (messages/shell-en.ts, shell-zh-CN.ts). File ▸ New / Open hand a command to
 * the page, which asks about unsaved edits before any dialog (test/e2e/desktop-menu.test.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuChoices } from '../../electron/menu.ts';
import { languageOfTag, type MessageLanguage } from '../../messages/say.ts';
import { shellEn } from '../../messages/shell-en.ts';
import { shellZhCN } from '../../messages/shell-zh-CN.ts';
import { shellSay } from '../../messages/shell.ts';
import { en } from '../../renderer/i18n/en.ts';
import { zhCN } from '../../renderer/i18n/zh-CN.ts';
import type { MenuCommand } from '../../service/api/contract.ts';

function build(language: MessageLanguage, platform: string, overrides: Partial<MenuChoices> = {}): MenuItemConstructorOptions[] {
  return menuTemplate({ platform, withDevTools: false, say: shellSay(language), command: () => undefined, about: () => undefined, ...overrides });
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  expect(Array.isArray(item?.submenu), `${item?.label} has a submenu`).toBe(true);
  return item?.submenu as MenuItemConstructorOptions[];
}

/** Every item but separators, depth first. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => (item.type === 'separator' ? [] : [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]));
}

const labels = (template: readonly MenuItemConstructorOptions[]): string[] => template.map((item) => item.label ?? '');

function click(item: MenuItemConstructorOptions | undefined): void {
  const handler = item?.click;
  expect(handler, `${item?.label} is clickable`).toBeTypeOf('function');
  (handler as () => void)();
}

describe('the application menu', () => {
  it('reads in English and, when the analyst chose 中文, in Chinese', () => {
    expect(labels(build('en', 'linux'))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(submenuOf(build('en', 'linux')[0]))).toEqual(['New Workspace…', 'Open Workspace…', '', 'Quit']);
    expect(labels(build('zh-CN', 'linux'))).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(submenuOf(build('zh-CN', 'linux')[0]))).toEqual(['新建工作区…', '打开工作区…', '', '退出']);
    expect(labels(submenuOf(build('zh-CN', 'linux')[1]))).toEqual(['撤销', '重做', '', '剪切', '复制', '粘贴', '删除', '', '全选']);
    expect(labels(submenuOf(build('zh-CN', 'linux')[4]))).toEqual(['关于 ABS 结构化工作台']);
    expect(labels(submenuOf(build('en', 'win32')[4]))).toEqual(['About ABS Workbench']);
  });

  it('labels every item, standard roles included (Electron’s own role labels are English only), and keeps their roles', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const withDevTools of [false, true]) {
        const english = items(build('en', platform, { withDevTools }));
        const chinese = items(build('zh-CN', platform, { withDevTools }));
        expect(chinese.map((item) => item.role)).toEqual(english.map((item) => item.role));
        for (const item of chinese) expect(item.label, `${platform} ${item.role}`).toMatch(/\p{Script=Han}/u);
        for (const item of english) expect(item.label, `${platform} ${item.role}`).toMatch(/^[A-Z]/);
      }
    }
    // The View menu keeps policy.ts's items (DevTools only where allowed), each labelled.
    expect(submenuOf(build('zh-CN', 'linux', { withDevTools: true })[2]).map((item) => item.role ?? item.type)).toEqual([
      'reload',
      'toggleDevTools',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    expect(labels(submenuOf(build('zh-CN', 'linux', { withDevTools: true })[2])).filter((label) => label !== '')).toEqual(['重新加载', '切换开发者工具', '实际大小', '放大', '缩小', '切换全屏']);
  });

  it('follows each platform: macOS’s application menu and Close Window, Windows’ Exit, Linux’s Quit', () => {
    const mac = build('zh-CN', 'darwin');
    expect(mac[0]?.role).toBe('appMenu');
    expect(labels(submenuOf(mac[0]))).toEqual(['关于 ABS 结构化工作台', '', '服务', '', '隐藏 ABS 结构化工作台', '隐藏其他', '全部显示', '', '退出 ABS 结构化工作台']);
    expect(submenuOf(mac[1]).at(-1)).toEqual({ role: 'close', label: '关闭窗口' });
    expect(labels(submenuOf(mac[2]))).toEqual(['撤销', '重做', '', '剪切', '复制', '粘贴', '粘贴并匹配样式', '删除', '全选', '', '语音']);
    expect(labels(submenuOf(mac[4]))).toEqual(['最小化', '缩放', '', '前置全部窗口']);
    expect(submenuOf(build('en', 'win32')[0]).at(-1)).toEqual({ role: 'quit', label: 'Exit' });
    expect(submenuOf(build('en', 'linux')[0]).at(-1)).toEqual({ role: 'quit', label: 'Quit' });
    expect(labels(submenuOf(build('en', 'linux')[3]))).toEqual(['Minimize', 'Zoom', 'Close Window']);
  });

  it('hands New and Open to the page as commands, with their shortcuts, and opens no dialog itself', () => {
    const sent: MenuCommand[] = [];
    let abouts = 0;
    const template = build('en', 'linux', { command: (command) => sent.push(command), about: () => (abouts += 1) });
    const [newItem, openItem] = submenuOf(template[0]);
    expect([newItem?.accelerator, openItem?.accelerator]).toEqual(['CmdOrCtrl+N', 'CmdOrCtrl+O']);
    click(openItem);
    click(newItem);
    expect(sent).toEqual(['workspace.open', 'workspace.new']);
    click(submenuOf(template[4])[0]);
    expect(abouts).toBe(1);
    expect(sent).toEqual(['workspace.open', 'workspace.new']);
  });
});

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the shell’s catalogue', () => {
  it('has the same placeholders in both languages and names the product as the screens do', () => {
    for (const key of Object.keys(shellEn) as (keyof typeof shellEn)[]) expect(placeholders(shellZhCN[key]), key).toEqual(placeholders(shellEn[key]));
    expect(shellEn['shell.appName']).toBe(en['app.productName']);
    expect(shellZhCN['shell.appName']).toBe(zhCN['app.productName']);
    expect(shellSay('zh-CN')('shell.error.cannotStart')).toBe('ABS 结构化工作台无法启动');
    expect(shellSay('en')('shell.dialog.savePackPdf')).toBe('Save the investor pack as PDF');
  });

  it('starts in the system’s language by the page’s rule: any zh tag is Chinese', () => {
    expect(languageOfTag('zh-CN')).toBe('zh-CN');
    expect(languageOfTag('zh-TW')).toBe('zh-CN');
    expect(languageOfTag('zh')).toBe('zh-CN');
    expect(languageOfTag('en-US')).toBe('en');
    expect(languageOfTag('de')).toBe('en');
    expect(languageOfTag('')).toBe('en');
  });
});
