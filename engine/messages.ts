/**
 * Messages that cross the API as data a screen can translate: a stable `code`, the `params` it
 * names, and the English `message` (what the CLI, logs and the API's existing readers show). The
 * renderer looks up `msg.<code>` in its catalogues (renderer/i18n) and fills in the params in the
 * user's language, falling back to `message` for a code it does not know.
 *
 * Each family of messages is one table (id → English template), so every code a layer can emit is
 * listed in one place; test/renderer/coded-messages.test.ts finds every table in the source and
 * fails on a code without its English and Chinese catalogue entries.
 */

/**
 * A param is a value, or itself a coded message (a run's name nests its pool and scenario; a
 * reader's reason sits inside its field's message): the screen says the inner message first.
 */
export type MessageParam = string | number | CodedMessage;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface CodedMessage {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}

/** One family of messages: `say(id, params)` gives the coded message; `codes` lists every code the family can emit. */
export interface MessageTable<T extends Record<string, (params: never) => string>> {
  readonly prefix: string;
  readonly codes: readonly string[];
  readonly say: <K extends keyof T & string>(id: K, ...params: Parameters<T[K]>) => CodedMessage;
}

/**
 * `messageTable('deal', { unknownNote: (p: { note: string }) => \`unknown note '${p.note}'\` })`:
 * `say('unknownNote', { note: 'C' })` → `{ code: 'deal.unknownNote', params: { note: 'C' }, message: "unknown note 'C'" }`.
 */
export function messageTable<T extends Record<string, (params: never) => string>>(prefix: string, table: T): MessageTable<T> {
  return {
    prefix,
    codes: Object.keys(table).map((id) => `${prefix}.${id}`),
    say: (id, ...params) => {
      const given = (params[0] ?? {}) as MessageParams;
      const english = table[id] as unknown as (p: MessageParams) => string;
      return { code: `${prefix}.${id}`, params: given, message: english(given) };
    },
  };
}
