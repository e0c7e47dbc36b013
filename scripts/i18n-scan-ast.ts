/**
 * The ESTree shapes the catalogue scan (scripts/i18n-scan.ts) reads, as oxc (through rolldown,
 * vite's bundler) parses TypeScript and JSX, and the few walks over them it needs.
 */

/** An ESTree node. */
export interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly [key: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function child(node: AstNode, key: string): AstNode | null {
  const value = node[key];
  return isNode(value) ? value : null;
}

export function children(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function nameOf(node: AstNode | null): string {
  if (!node) return '';
  if (node.type === 'JSXIdentifier' || node.type === 'Identifier') return String(node['name']);
  if (node.type === 'Literal') return String(node['value']);
  return '';
}

/** Every node below `node` (itself included), parents before children. */
export function walk(node: AstNode, visit: (node: AstNode, parent: AstNode | null) => void, parent: AstNode | null = null): void {
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) walk(item, visit, node);
    if (isNode(value)) walk(value, visit, node);
  }
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: AstNode | null): boolean {
  return node !== null && FUNCTIONS.has(node.type);
}

/** What a function gives back: its `return` arguments (not those of functions inside it), or an arrow's expression body. */
export function resultsOf(fn: AstNode): AstNode[] {
  const body = child(fn, 'body');
  if (!body) return [];
  if (body.type !== 'BlockStatement') return [body];
  const results: AstNode[] = [];
  const visit = (node: AstNode): void => {
    if (node.type === 'ReturnStatement') {
      const argument = child(node, 'argument');
      if (argument) results.push(argument);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const item of value) if (isNode(item) && !isFunction(item)) visit(item);
      if (isNode(value) && !isFunction(value)) visit(value);
    }
  };
  visit(body);
  return results;
}

/** A file's named functions and `const` values, by name: what an identifier or a call in it can stand for; and what it imports, from where. */
export interface Bindings {
  readonly functions: ReadonlyMap<string, readonly AstNode[]>;
  readonly constants: ReadonlyMap<string, readonly AstNode[]>;
  /** Local name → the module it comes from (as written) and its name there. */
  readonly imports: ReadonlyMap<string, { readonly from: string; readonly name: string }>;
}

/** The names a binding pattern declares: `a`, `{ a, b: c }` → a, c, `[d = 1, ...e]` → d, e. */
function patternNames(node: AstNode | null): string[] {
  if (!node) return [];
  if (node.type === 'Identifier') return [nameOf(node)];
  if (node.type === 'ObjectPattern') return children(node, 'properties').flatMap((p) => patternNames(p.type === 'RestElement' ? child(p, 'argument') : child(p, 'value')));
  if (node.type === 'ArrayPattern') return children(node, 'elements').flatMap(patternNames);
  if (node.type === 'AssignmentPattern') return patternNames(child(node, 'left'));
  if (node.type === 'RestElement') return patternNames(child(node, 'argument'));
  return [];
}

/** How many times each name is declared in the file (variables, parameters, functions, imports). */
function declarationCounts(program: AstNode): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (names: string[]): void => names.forEach((name) => counts.set(name, (counts.get(name) ?? 0) + 1));
  walk(program, (node) => {
    if (node.type === 'VariableDeclarator') count(patternNames(child(node, 'id')));
    if (isFunction(node)) count([...children(node, 'params').flatMap(patternNames), ...(child(node, 'id') ? [nameOf(child(node, 'id'))] : [])]);
    if (node.type === 'CatchClause') count(patternNames(child(node, 'param')));
    if (node.type === 'ImportSpecifier') count([nameOf(child(node, 'local'))]);
  });
  return counts;
}

/**
 * A file's `const`s and named functions, by name — only names declared once in the file, so that a
 * use can be tied to its declaration without following scopes (a name that is also a parameter or
 * another block's variable is left undecided) — and its imports.
 */
export function bindingsOf(program: AstNode): Bindings {
  const functions = new Map<string, AstNode[]>();
  const constants = new Map<string, AstNode[]>();
  const imports = new Map<string, { from: string; name: string }>();
  const add = (map: Map<string, AstNode[]>, name: string, node: AstNode): void => {
    map.set(name, [...(map.get(name) ?? []), node]);
  };
  walk(program, (node, parent) => {
    if (node.type === 'ImportSpecifier' && parent?.type === 'ImportDeclaration' && node['importKind'] !== 'type') {
      imports.set(nameOf(child(node, 'local')), { from: String(child(parent, 'source')?.['value']), name: nameOf(child(node, 'imported')) });
    }
    if (node.type === 'FunctionDeclaration' && child(node, 'id')) add(functions, nameOf(child(node, 'id')), node);
    if (node.type === 'VariableDeclarator' && parent?.['kind'] === 'const' && child(node, 'id')?.type === 'Identifier') {
      const init = child(node, 'init');
      if (init) add(isFunction(init) ? functions : constants, nameOf(child(node, 'id')), init);
    }
  });
  const counts = declarationCounts(program);
  const once = (map: Map<string, AstNode[]>): Map<string, AstNode[]> => new Map([...map].filter(([name]) => counts.get(name) === 1));
  return { functions: once(functions), constants: once(constants), imports };
}
