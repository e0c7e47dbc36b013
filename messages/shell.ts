/**
 * The desktop shell's words in a language (shell-en.ts, shell-zh-CN.ts). Pure, so the menu's
 * template (electron/menu.ts) is built and tested without Electron. Both catalogues are loaded at
 * once: the shell is one small process and switches when the analyst does.
 */
import { interpolate, type MessageLanguage, type MessageParams } from './say.ts';
import { shellEn, type ShellMessageKey } from './shell-en.ts';
import { shellZhCN } from './shell-zh-CN.ts';

export type { ShellMessageKey } from './shell-en.ts';
export type ShellSay = (key: ShellMessageKey, params?: MessageParams) => string;

const CATALOGUES: Readonly<Record<MessageLanguage, Readonly<Record<ShellMessageKey, string>>>> = { en: shellEn, 'zh-CN': shellZhCN };

/** The shell's words in the language; `{app}` is the product's name in that language unless given. */
export function shellSay(language: MessageLanguage): ShellSay {
  const catalogue = CATALOGUES[language];
  return (key, params) => interpolate(catalogue[key], { app: catalogue['shell.appName'], ...params }, language);
}
