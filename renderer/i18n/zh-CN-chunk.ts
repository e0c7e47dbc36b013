/**
 * The Chinese chunk: the UI's Chinese (zh-CN.ts) and the coded messages' (registered with
 * messages/say.ts here), loaded together by renderer/app/catalogues.ts only when Chinese is chosen,
 * so an English first screen does not fetch them (issue 24).
 */
import { messagesZhCN } from '../../messages/messages-zh-CN.ts';
import { registerCatalogue } from '../../messages/say.ts';

registerCatalogue('zh-CN', messagesZhCN);

export { zhCN } from './zh-CN.ts';
