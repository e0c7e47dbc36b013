/** The languages the app speaks: its catalogues' (messages/say.ts, renderer/i18n), its plural rules' (messages/plural.ts). */
export type MessageLanguage = 'en' | 'zh-CN';
