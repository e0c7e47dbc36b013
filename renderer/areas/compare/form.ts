import type { ScenarioSetFile } from '../../../service/api/contract.ts';
import { translate, type MessageKey } from '../../app/i18n.tsx';

type ScenarioSpec = ScenarioSetFile['scenarios'][number];

/** The pool-wide factors the form edits, in the file's key order (docs/scenarios.md, Multiplier rules). */
export const FACTORS = ['default', 'rollIn', 'cure', 'prepayment', 'recovery'] as const;
export type Factor = (typeof FACTORS)[number];

/** One scenario as the form holds it: what the analyst typed, as typed (blank = absent: unchanged). */
export interface ScenarioRow {
  /** Stable across edits, for React keys (not saved). */
  readonly key: string;
  readonly name: string;
  readonly factors: Readonly<Record<Factor, string>>;
  readonly recoveryLagMonths: string;
  /** Vector notation replacing every default / prepayment curve ("2 CDR", "10 CPR", "150 PSA"). */
  readonly defaultCurve: string;
  readonly prepaymentCurve: string;
  /** What the form does not edit (description, segment multipliers, recovery rate, index rates, events), kept as it was. */
  readonly rest: Omit<ScenarioSpec, 'name' | 'recoveryLagMonths' | 'default' | 'prepayment'> & { readonly multipliers?: { readonly segments?: unknown } };
}

/** A set as the form holds it. */
export interface ScenarioSetForm {
  readonly name: string;
  readonly description: string;
  readonly base: string;
  readonly rows: readonly ScenarioRow[];
}

let nextKey = 1;
const newKey = (): string => `row-${nextKey++}`;

const text = (x: number | undefined): string => (x === undefined ? '' : String(x));

/** A shipped or saved set as the form shows it. */
export function formOfSet(set: ScenarioSetFile): ScenarioSetForm {
  return {
    name: set.name,
    description: set.description ?? '',
    base: set.base ?? '',
    rows: set.scenarios.map((s) => {
      const { name, recoveryLagMonths, default: defaultCurve, prepayment, multipliers, ...rest } = s;
      const pool = multipliers?.pool ?? {};
      const segments = multipliers?.segments;
      return {
        key: newKey(),
        name,
        factors: { default: text(pool.default), rollIn: text(pool.rollIn), cure: text(pool.cure), prepayment: text(pool.prepayment), recovery: text(pool.recovery) },
        recoveryLagMonths: text(recoveryLagMonths),
        defaultCurve: defaultCurve ?? '',
        prepaymentCurve: prepayment ?? '',
        rest: segments === undefined ? rest : { ...rest, multipliers: { segments } },
      };
    }),
  };
}

/**
 * A typed number as the file takes it: blank → absent; a number → the number; anything else is
 * kept as text, so the service's check reports it at its JSON path like any other mistake.
 */
function numberOf(typed: string): number | string | undefined {
  // No comma stripping: "1,5" may mean 1.5 (a decimal comma) or 15; the check names it instead of guessing.
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  const x = Number(trimmed);
  return Number.isFinite(x) ? x : typed.trim();
}

/** Keys whose value is defined, in order (the file holds no `undefined`). */
function defined<T extends Record<string, unknown>>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One row as a scenario of the file (before the service reads it: a typo stays for the check to name). */
function scenarioOfRow(row: ScenarioRow): Record<string, unknown> {
  const pool = defined(Object.fromEntries(FACTORS.map((f) => [f, numberOf(row.factors[f])])));
  const segments = row.rest.multipliers?.segments;
  const multipliers = defined({ pool: Object.keys(pool).length > 0 ? pool : undefined, segments });
  const { multipliers: _kept, ...rest } = row.rest;
  return defined({
    name: row.name.trim(),
    ...rest,
    multipliers: Object.keys(multipliers).length > 0 ? multipliers : undefined,
    recoveryLagMonths: numberOf(row.recoveryLagMonths),
    prepayment: row.prepaymentCurve.trim() || undefined,
    default: row.defaultCurve.trim() || undefined,
  });
}

/** The form as a scenario-set file: what scenarios.check reads and scenarios.save keeps. */
export function setOfForm(form: ScenarioSetForm): Record<string, unknown> {
  return defined({
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    base: form.base.trim() || undefined,
    scenarios: form.rows.map(scenarioOfRow),
  });
}

/** A name not yet taken: `name`, else "name (2)", "name (3)", … */
export function freeName(name: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  let n = 2;
  while (names.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

const EMPTY_FACTORS: Readonly<Record<Factor, string>> = { default: '', rollIn: '', cure: '', prepayment: '', recovery: '' };

/** A new, unstressed scenario after the others. */
export function addRow(form: ScenarioSetForm): ScenarioSetForm {
  const name = freeName(
    'Scenario',
    form.rows.map((r) => r.name),
  );
  return { ...form, rows: [...form.rows, { key: newKey(), name, factors: EMPTY_FACTORS, recoveryLagMonths: '', defaultCurve: '', prepaymentCurve: '', rest: {} }] };
}

/** A copy of row `index` right after it, named "… copy". */
export function duplicateRow(form: ScenarioSetForm, index: number): ScenarioSetForm {
  const row = form.rows[index];
  if (!row) return form;
  const copy = {
    ...row,
    key: newKey(),
    name: freeName(
      `${row.name} copy`,
      form.rows.map((r) => r.name),
    ),
  };
  return { ...form, rows: [...form.rows.slice(0, index + 1), copy, ...form.rows.slice(index + 1)] };
}

export function removeRow(form: ScenarioSetForm, index: number): ScenarioSetForm {
  return { ...form, rows: form.rows.filter((_, k) => k !== index) };
}

export function updateRow(form: ScenarioSetForm, index: number, patch: Partial<ScenarioRow>): ScenarioSetForm {
  return { ...form, rows: form.rows.map((row, k) => (k === index ? { ...row, ...patch } : row)) };
}

/** A field of a form row: a factor, or the name, lag and curve overrides (the file's `default` / `prepayment` keys). */
export type RowField = Factor | 'name' | 'recoveryLagMonths' | 'defaultCurve' | 'prepaymentCurve';

const TOP_LEVEL: Readonly<Record<string, string>> = { name: 'name', recoveryLagMonths: 'recoveryLagMonths', defaultCurve: 'default', prepaymentCurve: 'prepayment' };

/** The JSON path of a form field (as the service names it in its check). */
export function fieldPath(index: number, field: RowField): string {
  const at = `$.scenarios[${index}]`;
  const key = TOP_LEVEL[field];
  return key === undefined ? `${at}.multipliers.pool.${field}` : `${at}.${key}`;
}

/** What each field holds, for a message that says what is allowed. */
const RULES: Readonly<Record<'factor' | 'recoveryLagMonths' | 'name', MessageKey>> = {
  factor: 'compare.rule.factor',
  recoveryLagMonths: 'compare.rule.recoveryLagMonths',
  name: 'compare.rule.name',
};

/**
 * The service's message in plain words: a schema check's generic wording ("Too big: expected
 * number to be <=100") becomes the field's rule with the value typed; a specific message (a curve
 * that does not read, a duplicate name) is kept as the service wrote it.
 */
export function plainMessage(path: string, message: string, typed: string): string {
  const field = path.endsWith('.name') ? 'name' : path.endsWith('.recoveryLagMonths') ? 'recoveryLagMonths' : path.includes('.multipliers.') ? 'factor' : null;
  const generic = /^(Too big|Too small|Invalid input|Expected)/.test(message) || /must be a whole number/.test(message);
  if (field === null || !generic) return message;
  const rule = translate(RULES[field]);
  const shown = typed.trim();
  if (/received string/.test(message)) return translate('compare.rule.notANumber', { typed: shown, rule });
  return shown === '' ? `${rule[0]?.toUpperCase() ?? ''}${rule.slice(1)}` : translate('compare.rule.notAllowed', { typed: shown, rule });
}
