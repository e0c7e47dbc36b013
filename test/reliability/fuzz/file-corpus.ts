/**
 * Hostile deal, assumption and pool files: random mutations of the shipped templates and examples,
 * generated on the fly from a seed. Each case is the text of a JSON file (sometimes no longer JSON).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/repo.ts';
import type { Random } from '../harness.ts';

export type FileTarget = 'deal' | 'assumptions' | 'pool';

export interface FileCase {
  readonly target: FileTarget;
  /** The kind of file and its first mutation, tallied in the figures. */
  readonly input: string;
  /** Every mutation applied. */
  readonly mutations: string;
  readonly text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BASES: Readonly<Record<FileTarget, readonly string[]>> = {
  deal: ['cn-consumer-revolving', 'pass-through', 'us-auto-oc-turbo', 'us-cmo-sequential'].map((name) => join('templates', 'deals', `${name}.json`)),
  assumptions: [join('templates', 'assumptions', 'consumer-base.json'), join('docs', 'examples', 'assumptions-consumer-overrides.json')],
  pool: [join('docs', 'examples', 'pool-consumer-lines.json')],
};

export function loadBases(): Record<FileTarget, Json[]> {
  const read = (files: readonly string[]): Json[] => files.map((file) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Json);
  return { deal: read(BASES.deal), assumptions: read(BASES.assumptions), pool: read(BASES.pool) };
}

/**
 * Text written into the file as it is, not as a JSON string: numbers JSON cannot spell (NaN,
 * Infinity; 1e309 parses as Infinity), and nesting too deep to build as a value. The tree holds a
 * placeholder naming the text's place in `raws`.
 */
type Raw = (text: string) => string;
const placeholder = (k: number): string => `\u0001raw:${k}\u0001`;

/** Every container (object or array) of the tree with the keys it holds: where a mutation can land. */
function containers(root: Json): { node: Json[] | Record<string, Json>; key: string | number }[] {
  const found: { node: Json[] | Record<string, Json>; key: string | number }[] = [];
  const stack: Json[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) node.forEach((child, k) => (found.push({ node, key: k }), stack.push(child)));
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        found.push({ node, key });
        stack.push(child);
      }
    }
  }
  return found;
}

function set(node: Json[] | Record<string, Json>, key: string | number, value: Json): void {
  if (Array.isArray(node)) node[Number(key)] = value;
  else Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

const HUGE = ['1e308', '-1e308', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '-0', '1e-320', '123456789012345678901234567890'];

/** Arrays or objects nested up to 100,000 deep, as raw text (building them as values would overflow the stack here first). */
function deepNesting(random: Random, raw: Raw): string {
  const depth = random.pick([64, 1_000, 100_000]);
  const [open, close] = random.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
  return raw(open.repeat(depth) + random.pick(['1', '"x"', 'null']) + close.repeat(depth));
}

/** Finite numbers an analyst's typo or a broken export could leave in place of a sensible one. */
const EXTREMES = [0, 1, -1, 1e-12, 0.5, 0.999999, 2.5, 1e6, 1e9, 1e12, 1e15, 1e300, -1e300, 5e-324, 4294967296];

/** Numbers of the file (one to three) replaced by finite extremes. */
function extremeNumbers(random: Random, root: Json, count = random.between(1, 3)): string {
  const numbers = containers(root).filter((c) => typeof (c.node as Record<string, Json>)[c.key] === 'number');
  if (numbers.length === 0) return 'extreme number (none to change)';
  for (let k = count; k > 0; k--) {
    const at = random.pick(numbers);
    set(at.node, at.key, random.pick(EXTREMES));
  }
  return 'extreme number';
}

/** One mutation at a random place of the tree; returns its name. */
const MUTATIONS: readonly ((random: Random, root: Json, raw: Raw) => string)[] = [
  (random, root) => {
    const at = random.pick(containers(root));
    set(at.node, at.key, random.pick<Json>([null, true, 0, -1, '', 'text', [], {}, [1, 2], { x: 1 }, '2026-02-30', '150 PSA']));
    return 'wrong type';
  },
  (random, root) => {
    const at = random.pick(containers(root));
    if (Array.isArray(at.node)) at.node.splice(Number(at.key), 1);
    else Reflect.deleteProperty(at.node, at.key);
    return 'deleted key';
  },
  (random, root, raw) => {
    const at = random.pick(containers(root));
    set(at.node, at.key, raw(random.pick(HUGE)));
    return 'huge or non-finite number';
  },
  (random, root, raw) => {
    const at = random.pick(containers(root));
    set(at.node, at.key, deepNesting(random, raw));
    return 'deep nesting';
  },
  (random, root) => extremeNumbers(random, root),
  (random, root) => {
    const objects = containers(root).filter((c) => !Array.isArray(c.node));
    const at = objects.length > 0 ? random.pick(objects) : null;
    const target = (at?.node ?? root) as Record<string, Json>;
    const key = random.pick(['__proto__', 'constructor', 'prototype']);
    const payload: Json = key === 'constructor' ? { prototype: { polluted: true } } : random.chance(0.5) ? { polluted: true } : { toString: 'x', valueOf: 1 };
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) set(target, key, payload);
    return `${key} key`;
  },
  (random, root) => {
    const at = random.pick(containers(root));
    set(at.node, at.key, random.pick(['x', '中', ' ', '"', '\\']).repeat(random.pick([1 << 16, 1 << 20])));
    return 'huge string';
  },
];

function serialize(root: Json, raws: readonly string[]): string {
  return JSON.stringify(root).replace(/"\\u0001raw:(\d+)\\u0001"/g, (_, k: string) => raws[Number(k)] ?? '');
}

/** A mutated file: one to three tree mutations, then sometimes damage to the text itself. */
export function fileCase(random: Random, target: FileTarget, bases: Record<FileTarget, Json[]>): FileCase {
  const root = structuredClone(random.pick(bases[target]));
  const names: string[] = [];
  const raws: string[] = [];
  const raw: Raw = (text) => placeholder(raws.push(text) - 1);
  // Four cases in ten change only numbers (finite, still JSON, often still a valid file): they reach the runs.
  const numbersOnly = random.chance(0.4);
  for (let k = numbersOnly ? 1 : random.between(1, 3); k > 0; k--) {
    const name = numbersOnly ? extremeNumbers(random, root, 1) : random.pick(MUTATIONS)(random, root, raw);
    if (!names.includes(name)) names.push(name);
  }
  let text = serialize(root, raws);
  if (numbersOnly) {
    // the text stays whole
  } else if (random.chance(0.15)) {
    text = text.slice(0, random.int(text.length));
    names.push('truncated');
  } else if (random.chance(0.1)) {
    const at = random.int(text.length);
    text = text.slice(0, at) + random.pick(['"', '}', ']', ',', '\u0000', '\uFFFD', 'ÿ']) + text.slice(at + 1);
    names.push('byte changed');
  }
  return { target, input: `${target}: ${names[0] ?? 'unchanged'}`, mutations: names.join(' + '), text };
}
