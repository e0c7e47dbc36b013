/**
 * Finds user-visible text in renderer/ that does not come from the message catalogues
 * (renderer/i18n/*.ts): JSX text, string and template literals in user-facing JSX attributes, in
 * the props of our own components that reach the screen (derived from each component's body: Card's
 * `value`, ItemList's `empty`…), in a recharts label object (`label={{ value }}`) and in JSX
 * expressions — also through a `const` or a function of the same file whose result is shown — and
 * literals given to properties that name what a user reads (label, title…).
 *
 * `node scripts/i18n-scan.ts` lists them (file:line text); test/renderer/i18n-catalogue.test.ts fails on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { en } from '../renderer/i18n/en.ts';
import { bindingsOf, child, children, isFunction, isNode, nameOf, resultsOf, walk, type AstNode, type Bindings } from './i18n-scan-ast.ts';

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
/** SI and IEC unit symbols (seconds, bytes), written the same in a Chinese UI. */
const UNIT_SYMBOLS = ['s', 'ms', 'B', 'KiB', 'MiB', 'GiB'];
/**
 * Text with letters that is not a word of either language: the brand mark, file formats, day-count
 * conventions and the runtimes' names, written the same in English and Chinese. Anything else with
 * a letter is a catalogue string.
 */
export const ALLOWED_TEXT = new Set([
  'ABS',
  'CSV',
  'JSON',
  'ACT/365',
  'ACT/360',
  '30/360',
  '30/360 US',
  '30E/360',
  '30E/360 ISDA',
  'SQLite',
  'Electron',
  'Node',
  'v',
  'CPR',
  'CDR',
  'SMM',
  'MDR',
  'WAL',
  'IRR',
  ...UNIT_SYMBOLS,
]);

export interface StrayText {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly where: string;
}

const HAS_LETTER = /\p{L}/u;

/** Calls whose string arguments a user reads: the notification area, and the browser's dialogs. */
const TEXT_CALLS = new Set(['notify', 'reportError', 'confirm', 'prompt', 'alert']);

/** Elements whose content is code (a command line, a JSON path): written the same in both languages. */
const CODE_ELEMENTS = new Set(['code', 'kbd', 'samp']);

/** In a text attribute given an object (recharts' `label={{ value, position }}`), the keys that are read. */
const LABEL_OBJECT_TEXT = new Set(['value', 'children']);

/** Our own components, by name, and the props of each that end up on screen (derived by `userFacingProps`). */
export type ComponentProps = ReadonlyMap<string, ReadonlySet<string>>;

function calleeName(call: AstNode): string {
  const callee = child(call, 'callee');
  if (callee?.type === 'MemberExpression') return nameOf(child(callee, 'property'));
  return nameOf(callee);
}

/** A literal that is a catalogue key (a column's header key, say) is the catalogue's, not stray text. */
const KEYS: ReadonlySet<string> = new Set(Object.keys(en));

/** A JSON path ($.notes[0].size, or a template's piece of one: `${at}.multipliers.pool.${field}`) names a place in a file, written the same in both languages. */
const JSON_PATH = /^(\$(\.|\[|$)|(\.[A-Za-z_$][\w$]*|\[\d*\])+\.?$)/;

function isStray(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed !== '' && HAS_LETTER.test(trimmed) && !ALLOWED_TEXT.has(trimmed) && !KEYS.has(trimmed) && !JSON_PATH.test(trimmed);
}

const WRAPPERS = new Set(['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression']);

/** The parts of an expression whose value is shown as it is: both arms of `?:`, `||`, `??` and `+`, the right of `&&`, a template's `${…}`. */
function shownParts(node: AstNode): AstNode[] {
  if (WRAPPERS.has(node.type)) return [child(node, 'expression')].filter(isNode);
  if (node.type === 'ConditionalExpression') return [child(node, 'consequent'), child(node, 'alternate')].filter(isNode);
  if (node.type === 'TemplateLiteral') return children(node, 'expressions');
  if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') {
    const op = node['operator'];
    if (op === '||' || op === '??' || op === '+') return [child(node, 'left'), child(node, 'right')].filter(isNode);
    if (op === '&&') return [child(node, 'right')].filter(isNode);
  }
  return [];
}

/** A source's names, and how to reach the module an import names (null: not one of ours). */
export interface Scope {
  readonly file: string;
  readonly source: string;
  readonly bindings: Bindings;
  readonly resolve: (file: string, from: string) => Scope | null;
}

/** Where a name used in `scope` is defined: its own `const`s or functions, or those of the renderer module it is imported from. */
function definitionsOf(name: string, kind: 'constants' | 'functions', scope: Scope): { node: AstNode; scope: Scope }[] {
  const own = scope.bindings[kind].get(name);
  if (own) return own.map((node) => ({ node, scope }));
  // An imported const is most often a code or a sentinel (OWN = 'own'), compared before it is shown: only functions are followed.
  const imported = kind === 'functions' ? scope.bindings.imports.get(name) : undefined;
  const target = imported ? scope.resolve(scope.file, imported.from) : null;
  return imported && target ? (target.bindings[kind].get(imported.name) ?? []).map((node) => ({ node, scope: target })) : [];
}

/**
 * String literals (with the source they stand in) an expression can evaluate to as text: 'a',
 * `a ${b}`, c ? 'a' : 'b', x ?? 'a', 'a' + b — and through a `const` it names or a function it
 * calls (what that function returns), in its file or the renderer module it is imported from.
 */
function literalsOf(node: AstNode | null, scope: Scope, seen: Set<AstNode> = new Set()): { literal: AstNode; scope: Scope }[] {
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const own = (node.type === 'Literal' && typeof node['value'] === 'string') || node.type === 'TemplateLiteral' ? [{ literal: node, scope }] : [];
  const callee = node.type === 'CallExpression' ? child(node, 'callee') : null;
  const through =
    node.type === 'Identifier'
      ? definitionsOf(nameOf(node), 'constants', scope)
      : callee?.type === 'Identifier'
        ? definitionsOf(nameOf(callee), 'functions', scope).flatMap(({ node: fn, scope: at }) => (seen.has(fn) ? [] : (seen.add(fn), resultsOf(fn).map((result) => ({ node: result, scope: at })))))
        : shownParts(node).map((part) => ({ node: part, scope }));
  return [...own, ...through.flatMap((part) => literalsOf(part.node, part.scope, seen))];
}

/** The names whose values an expression shows as they are: `label`, `props.label`, through the same parts as `literalsOf`. */
function shownNames(node: AstNode): string[] {
  if (node.type === 'Identifier') return [nameOf(node)];
  if (node.type === 'MemberExpression' && node['computed'] !== true && child(node, 'object')?.type === 'Identifier') return [`${nameOf(child(node, 'object'))}.${nameOf(child(node, 'property'))}`];
  return shownParts(node).flatMap(shownNames);
}

function textOf(node: AstNode): string {
  if (node.type === 'Literal') return String(node['value']);
  const quasis = node['quasis'] as readonly { value: { cooked: string | null } }[];
  return quasis.map((q) => q.value.cooked ?? '').join(' ');
}

/** `name` on an HTML form field (`<input name="mode">`) is its form key; on a chart series (`<Line name=…>`) its legend. */
function isFormFieldName(attribute: AstNode, element: AstNode | null): boolean {
  return nameOf(child(attribute, 'name')) === 'name' && /^[a-z]/.test(nameOf(element && child(element, 'name')));
}

/** Whether an attribute of an element is read by a user: a text attribute, or a user-facing prop of one of our components. */
function isTextAttribute(attribute: AstNode, element: AstNode | null, components: ComponentProps): boolean {
  const name = nameOf(child(attribute, 'name'));
  if (TEXT_ATTRIBUTES.has(name) && !isFormFieldName(attribute, element)) return true;
  return components.get(nameOf(element && child(element, 'name')))?.has(name) === true;
}

/**
 * Every place below `root` whose value a user reads, with what it is ('JSX expression', 'title=',
 * 'label:', 'notify()'…): JSX children (not inside <code>), text attributes and user-facing props,
 * text properties, the arguments of notifications and dialogs, and message parameters.
 */
function visitShown(root: AstNode, components: ComponentProps, onShown: (expression: AstNode, where: string) => void, onText: (text: AstNode) => void): void {
  const inCode = new Set<AstNode>();
  walk(root, (node, parent) => {
    if (node.type === 'JSXElement' && (inCode.has(parent as AstNode) || CODE_ELEMENTS.has(nameOf(child(child(node, 'openingElement') as AstNode, 'name'))))) inCode.add(node);
    if (node.type === 'JSXText' && !inCode.has(parent as AstNode)) onText(node);
    else if (node.type === 'JSXExpressionContainer' && (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment') && !inCode.has(parent)) {
      const expression = child(node, 'expression');
      if (expression) onShown(expression, 'JSX expression');
    } else if (node.type === 'JSXAttribute' && isTextAttribute(node, parent, components)) {
      const where = `${nameOf(child(node, 'name'))}=`;
      const value = child(node, 'value');
      const expression = value?.type === 'JSXExpressionContainer' ? child(value, 'expression') : value;
      if (expression?.type === 'ObjectExpression') {
        for (const property of children(expression, 'properties'))
          if (LABEL_OBJECT_TEXT.has(nameOf(child(property, 'key')))) onShown(child(property, 'value') as AstNode, `${where}{${nameOf(child(property, 'key'))}}`);
      } else if (expression) onShown(expression, where);
    } else if (node.type === 'Property' && TEXT_PROPERTIES.has(nameOf(child(node, 'key')))) onShown(child(node, 'value') as AstNode, `${nameOf(child(node, 'key'))}:`);
    else if (node.type === 'CallExpression' && TEXT_CALLS.has(calleeName(node))) {
      // notify(kind, title, message, detail): the kind is a code, the rest is read
      const args = children(node, 'arguments');
      for (const arg of calleeName(node) === 'notify' ? args.slice(1) : args) onShown(arg, `${calleeName(node)}()`);
    } else if (node.type === 'CallExpression' && (calleeName(node) === 't' || calleeName(node) === 'translate')) {
      // a message's parameters are shown inside it: words among them belong in the catalogue too
      const params = children(node, 'arguments')[1];
      for (const property of params?.type === 'ObjectExpression' ? children(params, 'properties') : []) {
        const value = child(property, 'value');
        if (value) onShown(value, 'message parameter');
      }
    }
  });
}

/** A function component of the file: a capitalised function (declared, or a `const` arrow) and its props parameter. */
function componentsOf(program: AstNode): { name: string; fn: AstNode }[] {
  const found: { name: string; fn: AstNode }[] = [];
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && /^[A-Z]/.test(nameOf(child(node, 'id')))) found.push({ name: nameOf(child(node, 'id')), fn: node });
    const init = node.type === 'VariableDeclarator' ? child(node, 'init') : null;
    if (init && isFunction(init) && /^[A-Z]/.test(nameOf(child(node, 'id')))) found.push({ name: nameOf(child(node, 'id')), fn: init });
  });
  return found;
}

/** How a component's body names each prop: `{ label, value: shown }` → label → label, shown → value; `props` → props.label → label. */
function propNames(fn: AstNode): Map<string, string> {
  const names = new Map<string, string>();
  const param = children(fn, 'params')[0];
  if (param?.type === 'Identifier') names.set(`${nameOf(param)}.*`, '*');
  for (const property of param?.type === 'ObjectPattern' ? children(param, 'properties') : []) {
    const value = child(property, 'value');
    const local = value?.type === 'AssignmentPattern' ? child(value, 'left') : value;
    if (local?.type === 'Identifier') names.set(nameOf(local), nameOf(child(property, 'key')));
  }
  return names;
}

/**
 * Which props of our own components a user reads: those a component shows (as a JSX child, in a
 * text attribute, a text property, a message parameter) or passes on to a prop of another component
 * that shows it — to a fixed point, so `<Card value=…>` is known as text because Card renders `{value}`.
 */
export function userFacingProps(programs: readonly AstNode[]): ComponentProps {
  const components = new Map<string, Set<string>>();
  const all = programs.flatMap(componentsOf);
  for (let changed = true; changed;) {
    changed = false;
    for (const { name, fn } of all) {
      const names = propNames(fn);
      const props = components.get(name) ?? new Set<string>();
      const body = child(fn, 'body');
      if (!body || names.size === 0) continue;
      visitShown(
        body,
        components,
        (expression) => {
          for (const shown of shownNames(expression)) {
            const prop = names.get(shown) ?? (names.has(`${shown.split('.')[0]}.*`) && shown.includes('.') ? shown.split('.')[1] : undefined);
            if (prop && prop !== 'children' && !props.has(prop)) {
              props.add(prop);
              changed = true;
            }
          }
        },
        () => undefined,
      );
      if (props.size > 0) components.set(name, props);
    }
  }
  return components;
}

export function parseSource(file: string, source: string): AstNode {
  return parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as AstNode;
}

/** Stray text in one source; `components` are the user-facing props of our components (by default, those this source declares). */
/** Stray text shown by one source (a literal of another module it shows is reported where it is written). */
function scanScope(scope: Scope, program: AstNode, components: ComponentProps): StrayText[] {
  const found: StrayText[] = [];
  const report = (at: Scope, node: AstNode, text: string, where: string): void => {
    const line = at.source.slice(0, node.start).split('\n').length;
    if (isStray(text)) found.push({ file: at.file, line, text: text.replace(/\s+/g, ' ').trim(), where: at.file === scope.file ? where : `${where} (shown by ${scope.file})` });
  };
  visitShown(
    program,
    components,
    (expression, where) => {
      for (const { literal, scope: at } of literalsOf(expression, scope)) report(at, literal, textOf(literal), where);
    },
    (text) => report(scope, text, String(text['value']), 'JSX text'),
  );
  return found;
}

/** Stray text in one source on its own; `components` are the user-facing props of our components (by default, those this source declares). */
export function scanSource(file: string, source: string, components?: ComponentProps): StrayText[] {
  const program = parseSource(file, source);
  return scanScope({ file, source, bindings: bindingsOf(program), resolve: () => null }, program, components ?? userFacingProps([program]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every stray text in the renderer's sources (the catalogues themselves excepted). */
/** The renderer's sources (the catalogues excepted), each parsed once. */
export function rendererSources(root: string): { file: string; source: string; program: AstNode }[] {
  return sourceFiles(join(root, 'renderer')).map((path) => {
    const file = relative(root, path);
    const source = readFileSync(path, 'utf8');
    return { file, source, program: parseSource(file, source) };
  });
}

export function scanRenderer(root: string): StrayText[] {
  const files = rendererSources(root);
  // A component's props are known across files: Card is declared in one and given text in many.
  const components = userFacingProps(files.map((f) => f.program));
  const scopes = new Map<string, Scope>();
  // An import names a module relative to the importing file, with its extension ('../app/format.ts').
  const resolve = (file: string, from: string): Scope | null => (from.startsWith('.') ? (scopes.get(join(dirname(file), from)) ?? null) : null);
  for (const f of files) scopes.set(f.file, { file: f.file, source: f.source, bindings: bindingsOf(f.program), resolve });
  const found = files.flatMap((f) => scanScope(scopes.get(f.file) as Scope, f.program, components));
  // A helper's literal shown from several screens is one finding.
  const unique = new Map(found.map((s) => [`${s.file}:${s.line} ${s.text} ${s.where.replace(/ \(shown by .*\)$/, '')}`, s]));
  return [...unique.values()];
}

if (import.meta.main) {
  const stray = scanRenderer(process.cwd());
  const lines = stray.map((s) => `${s.file}:${s.line}\t${s.where}\t${s.text}\n`);
  process.stdout.write(`${lines.join('')}${stray.length} strings outside the catalogues\n`);
}
