/**
 * messages/say.ts with every language's catalogue registered: the service (the Excel report says
 * its messages in the language asked for, at once) says through this module. The renderer instead
 * registers its Chinese with the Chinese chunk (renderer/i18n/zh-CN-chunk.ts), so English readers
 * never fetch it.
 */
import { messagesZhCN } from './messages-zh-CN.ts';
import { registerCatalogue } from './say.ts';

registerCatalogue('zh-CN', messagesZhCN);

export * from './say.ts';
export * from './coupon.ts';
export * from './denominator.ts';
export * from './run-fingerprint.ts';
