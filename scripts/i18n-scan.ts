/**
 * Finds user-visible text in renderer/ that does not come from the message catalogues
 * (renderer/i18n/*.ts): JSX text, string literals in user-facing JSX attributes and in JSX
 * expressions, and literals given to properties that name what a user reads (label, title…).
 *
 * `node scripts/i18n-scan.ts` lists them (file:line text); test/renderer/i18n-catalogue.test.ts fails on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { en } from '../renderer/i18n/en.ts';

/** JSX attributes a user reads or a screen reader speaks. */
const TEXT_ATTRIBUTES = new Set([
  'note',
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
  'aria-valuetext',
  'name',
  'heading',
  'empty',
  'hint',
  'summary',
  'message',
  'caption',
  'legend',
]);
/** Object properties whose string is shown to a user (table headers, option labels, notices). */
const TEXT_PROPERTIES = new Set(['note', 'label', 'title', 'summary', 'header', 'placeholder', 'message', 'hint', 'caption', 'heading', 'description', 'unit']);
/**
 * Text with letters that is not a word of either language: the brand mark, file formats, day-count
 * conventions and the runtimes' names, written the same in English and Chinese. Anything else with
 * a letter is a catalogue string.
 */
export const ALLOWED_TEXT = new Set(['ABS', 'CSV', 'JSON', 'ACT/365', 'ACT/360', '30/360', 'SQLite', 'Electron', 'Node', 'v', 'CPR', 'CDR', 'SMM', 'MDR', 'WAL', 'IRR']);

export interface StrayText {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly where: string;
}

const HAS_LETTER = /\p{L}/u;

/** Calls whose string arguments a user reads: the notification area, and the browser's dialogs. */
const TEXT_CALLS = new Set(['notify', 'reportError', 'confirm', 'prompt', 'alert']);

function calleeName(call: AstNode): string {
  const callee = child(call, 'callee');
  if (callee?.type === 'MemberExpression') return nameOf(child(callee, 'property'));
  return nameOf(callee);
}

/** A literal that is a catalogue key (a column's header key, say) is the catalogue's, not stray text. */
const KEYS: ReadonlySet<string> = new Set(Object.keys(en));

function isStray(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed !== '' && HAS_LETTER.test(trimmed) && !ALLOWED_TEXT.has(trimmed) && !KEYS.has(trimmed);
}

/** An ESTree node as oxc (through rolldown, vite's bundler) parses TypeScript and JSX. */
interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function child(node: AstNode, key: string): AstNode | null {
  const value = node[key];
  return isNode(value) ? value : null;
}

/** String literals an expression can evaluate to as text: 'a', `a ${b}`, c ? 'a' : 'b', x ?? 'a', 'a' + b. */
function literalsOf(node: AstNode | null): AstNode[] {
  if (!node) return [];
  if ((node.type === 'Literal' && typeof node['value'] === 'string') || node.type === 'TemplateLiteral') return [node];
  if (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression'].includes(node.type)) return literalsOf(child(node, 'expression'));
  if (node.type === 'ConditionalExpression') return [...literalsOf(child(node, 'consequent')), ...literalsOf(child(node, 'alternate'))];
  if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') {
    const op = node['operator'];
    if (op === '||' || op === '??' || op === '+') return [...literalsOf(child(node, 'left')), ...literalsOf(child(node, 'right'))];
    if (op === '&&') return literalsOf(child(node, 'right'));
  }
  return [];
}

function textOf(node: AstNode): string {
  if (node.type === 'Literal') return String(node['value']);
  const quasis = node['quasis'] as readonly { value: { cooked: string | null } }[];
  return quasis.map((q) => q.value.cooked ?? '').join(' ');
}

function nameOf(node: AstNode | null): string {
  if (!node) return '';
  if (node.type === 'JSXIdentifier' || node.type === 'Identifier') return String(node['name']);
  if (node.type === 'Literal') return String(node['value']);
  return '';
}

/** `name` on an HTML form field (`<input name="mode">`) is its form key; on a chart series (`<Line name=…>`) its legend. */
function isFormFieldName(attribute: AstNode, element: AstNode | null): boolean {
  return nameOf(child(attribute, 'name')) === 'name' && /^[a-z]/.test(nameOf(element && child(element, 'name')));
}

export function scanSource(file: string, source: string): StrayText[] {
  const program = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as AstNode;
  const lineOf = (offset: number): number => source.slice(0, offset).split('\n').length;
  const found: StrayText[] = [];
  const report = (node: AstNode, text: string, where: string): void => {
    if (isStray(text)) found.push({ file, line: lineOf(node.start), text: text.replace(/\s+/g, ' ').trim(), where });
  };
  const reportLiterals = (expression: AstNode | null, where: string): void => {
    for (const literal of literalsOf(expression)) report(literal, textOf(literal), where);
  };
  const visit = (node: AstNode, parent: AstNode | null): void => {
    if (node.type === 'JSXText') report(node, String(node['value']), 'JSX text');
    else if (node.type === 'JSXExpressionContainer' && (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment')) reportLiterals(child(node, 'expression'), 'JSX expression');
    else if (node.type === 'JSXAttribute' && TEXT_ATTRIBUTES.has(nameOf(child(node, 'name'))) && !isFormFieldName(node, parent)) {
      const value = child(node, 'value');
      const where = `${nameOf(child(node, 'name'))}=`;
      if (value?.type === 'JSXExpressionContainer') reportLiterals(child(value, 'expression'), where);
      else reportLiterals(value, where);
    } else if (node.type === 'Property' && TEXT_PROPERTIES.has(nameOf(child(node, 'key')))) reportLiterals(child(node, 'value'), `${nameOf(child(node, 'key'))}:`);
    else if (node.type === 'CallExpression' && TEXT_CALLS.has(calleeName(node))) {
      // notify(kind, title, message, detail): the kind is a code, the rest is read
      const args = (node['arguments'] as unknown[]).filter(isNode);
      for (const arg of calleeName(node) === 'notify' ? args.slice(1) : args) reportLiterals(arg, `${calleeName(node)}()`);
    } else if (node.type === 'CallExpression' && (calleeName(node) === 't' || calleeName(node) === 'translate')) {
      // a message's parameters are shown inside it: words among them belong in the catalogue too
      const params = (node['arguments'] as unknown[]).filter(isNode)[1];
      for (const property of params?.type === 'ObjectExpression' ? (params['properties'] as unknown[]).filter(isNode) : []) reportLiterals(child(property, 'value'), 'message parameter');
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) if (isNode(item)) visit(item, node);
      if (isNode(value)) visit(value, node);
    }
  };
  visit(program, null);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every stray text in the renderer's sources (the catalogues themselves excepted). */
export function scanRenderer(root: string): StrayText[] {
  return sourceFiles(join(root, 'renderer')).flatMap((path) => scanSource(relative(root, path), readFileSync(path, 'utf8')));
}

if (import.meta.main) {
  const stray = scanRenderer(process.cwd());
  const lines = stray.map((s) => `${s.file}:${s.line}\t${s.where}\t${s.text}\n`);
  process.stdout.write(`${lines.join('')}${stray.length} strings outside the catalogues\n`);
}
