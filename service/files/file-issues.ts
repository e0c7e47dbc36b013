import { messageTable, type CodedMessage, type MessageParams } from '../../engine/index.ts';
import { UserError } from '../../data/errors.ts';

/**
 * The problems of a file a user wrote (assumption, pool and deal files): each at the JSON path of
 * the value at fault. Every file check reports them the same way — a BAD_REQUEST whose message
 * names the kind of file, the first problem's path and what is wrong, and whose details carry that
 * `path` and every problem in `issues` — so one reader serves the screens and the CLI.
 */
export interface FileIssue {
  readonly path: string;
  /** In English: the CLI's wording, and the screens' for a problem without a code. */
  readonly message: string;
  /** A rule's stable code and its parameters (engine/messages.ts), for a screen to say it in its language; absent for a shape problem said in zod's words (a number out of range, a wrong type). */
  readonly code?: string;
  readonly params?: MessageParams;
}

/** A file problem with its coded message: `{ path, message, code, params }`. */
export function codedIssue(path: string, coded: CodedMessage): FileIssue {
  return { path, message: coded.message, code: coded.code, params: coded.params };
}

/** Problems any file can have, whatever its kind. */
export const FILE_RULES = messageTable('file', {
  reservedKey: (p: { key: string }) => `"${p.key}" is a reserved name and cannot be used as a key`,
});

/** ['lines', 3, 'rate'] → "$.lines[3].rate". */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}

/**
 * Names no file may use as a key. JSON.parse keeps `"__proto__"` as an own key, but a schema
 * check copying it into a new object sets that object's prototype instead, so a segment named
 * `__proto__` vanished without a word while any other unknown name was refused; `constructor` and
 * `prototype` are refused with it, the other keys a polluting path goes through (OWASP Prototype
 * Pollution Prevention Cheat Sheet, cheatsheetseries.owasp.org: "still possible using constructor.prototype").
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every key of a parsed JSON value named __proto__, constructor or prototype, at its JSON path (walked without recursion, so any depth). */
export function reservedKeyIssues(input: unknown): FileIssue[] {
  const issues: FileIssue[] = [];
  const stack: [unknown, string][] = [[input, '$']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, path] = next;
    if (Array.isArray(value)) {
      value.forEach((item, k) => stack.push([item, `${path}[${k}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (RESERVED_KEYS.has(key)) issues.push(codedIssue(`${path}.${key}`, FILE_RULES.say('reservedKey', { key })));
        else stack.push([(value as Record<string, unknown>)[key], `${path}.${key}`]);
      }
    }
  }
  return issues;
}

/** Longest quoted name (a note id, a segment) a problem repeats whole; a longer one shows its start and its length. */
const SHOWN_CHARACTERS = 80;

/**
 * A problem's message with every quoted name longer than 80 characters cut to its start and its
 * length: a 1 MB note id in a waterfall step came back as a 1 MB "unknown note '…'" (found by the
 * fuzz harness).
 */
function shortenQuoted(message: string): string {
  return message.replace(/'([^']{81,})'|"([^"]{81,})"/g, (whole: string, single: string | undefined, double: string | undefined) => {
    const text = single ?? double ?? '';
    const quote = whole[0] ?? "'";
    return `${quote}${text.slice(0, SHOWN_CHARACTERS - 20)}…${quote} (${text.length.toLocaleString('en-US')} characters)`;
  });
}

/**
 * A problem's parameters cut as its message is: a name the message quotes, past 80 characters;
 * any other text (a reason, the list of states a roll-rate table takes) is said whole — a
 * reason cut at 80 characters lost its end ("Not a usable roll-rate model: … (242 characters)")
 * — and cut only past 4 × 80, as a path is, so a megabyte still does not come back.
 */
function shortenParams(params: MessageParams, message: string): MessageParams {
  const cut = (value: string): boolean => value.length > 4 * SHOWN_CHARACTERS || (value.length > SHOWN_CHARACTERS && (message.includes(`'${value}'`) || message.includes(`"${value}"`)));
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' && cut(value) ? shortName(value) : value]));
}

function shortName(value: string): string {
  return `${value.slice(0, SHOWN_CHARACTERS - 20)}… (${value.length.toLocaleString('en-US')} characters)`;
}

/** A JSON path through a key of a megabyte stays readable: its start, and its length. */
function shortenPath(path: string): string {
  return path.length <= 4 * SHOWN_CHARACTERS ? path : `${path.slice(0, 3 * SHOWN_CHARACTERS)}… (${path.length.toLocaleString('en-US')} characters)`;
}

/** `Deal $.notes[0].originalBalance: must be … (and 2 more problems)`. */
export function fileError(kind: string, found: readonly FileIssue[], details: Record<string, unknown> = {}): UserError {
  const issues = found.map((issue): FileIssue => ({
    ...issue,
    path: shortenPath(issue.path),
    message: shortenQuoted(issue.message),
    ...(issue.params ? { params: shortenParams(issue.params, issue.message) } : {}),
  }));
  const first = issues[0] ?? { path: '$', message: 'invalid' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new UserError('BAD_REQUEST', `${kind} ${first.path}: ${first.message}${more}`, { ...details, path: first.path, issues });
}
