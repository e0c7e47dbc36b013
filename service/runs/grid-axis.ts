import { UserError } from '../../data/errors.ts';
import { GRID_MAX_AXIS_VALUES, type GridAxis, type GridOutage } from '../api/contract.ts';
import { GRID_PARAMETER_NAMES, isGridParameter } from './grid-parameters.ts';

const bad = (text: string, why: string): UserError => new UserError('BAD_REQUEST', `grid axis '${text}': ${why}`, { axis: text });

function numberOf(token: string, text: string, what: string): number {
  const trimmed = token.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) throw bad(text, `${what} '${token}' is not a number`);
  return value;
}

/**
 * The values of `from:to:step`: from, from + step, … up to `to` inclusive. Each value is computed
 * as from + k × step and rounded to 10 decimals, so 0.1 steps give 0.3, not 0.30000000000000004;
 * `to` must be reached by whole steps (within that rounding), so no value is silently dropped.
 */
function rangeValues(parts: readonly string[], text: string): number[] {
  const [from, to, step] = parts.map((part, k) => numberOf(part, text, ['start', 'end', 'step'][k] ?? 'value'));
  if (from === undefined || to === undefined || step === undefined) throw bad(text, 'a range is start:end:step');
  if (step <= 0) throw bad(text, `the step must be greater than 0, got ${step}`);
  if (to < from) throw bad(text, `the end ${to} is below the start ${from}`);
  const steps = (to - from) / step;
  const whole = Math.round(steps);
  if (Math.abs(steps - whole) > 1e-9) throw bad(text, `${from} to ${to} is not a whole number of steps of ${step} (${steps.toFixed(4)} steps)`);
  if (whole + 1 > GRID_MAX_AXIS_VALUES) throw bad(text, `${whole + 1} values; an axis takes at most ${GRID_MAX_AXIS_VALUES}`);
  return Array.from({ length: whole + 1 }, (_, k) => Number((from + k * step).toFixed(10)));
}

/**
 * Reads one axis as the CLI writes it: `name=start:end:step` (inclusive range) or `name=v1,v2,…`
 * (values in the order given), e.g. "defaultMult=0.5:4:0.5", "prepayMult=0.5,1,1.5".
 */
export function parseGridAxis(text: string): GridAxis {
  const eq = text.indexOf('=');
  if (eq < 0) throw bad(text, `expected name=start:end:step or name=v1,v2,… (parameters: ${GRID_PARAMETER_NAMES.join(', ')})`);
  const name = text.slice(0, eq).trim();
  if (!isGridParameter(name)) throw bad(text, `'${name}' is not a grid parameter (parameters: ${GRID_PARAMETER_NAMES.join(', ')})`);
  const body = text.slice(eq + 1).trim();
  if (body === '') throw bad(text, 'no values after =');
  if (body.includes(':')) {
    const parts = body.split(':');
    if (parts.length !== 3) throw bad(text, `a range is start:end:step, got ${parts.length} parts`);
    return { parameter: name, values: rangeValues(parts, text) };
  }
  const values = body.split(',').map((part) => numberOf(part, text, 'value'));
  if (values.length > GRID_MAX_AXIS_VALUES) throw bad(text, `${values.length} values; an axis takes at most ${GRID_MAX_AXIS_VALUES}`);
  return { parameter: name, values };
}

const OUTAGE_NUMBERS = ['month', 'days', 'share', 'cureShare'] as const;

/**
 * The outage a grid's outage axes vary, as the CLI writes it: `key=value` pairs separated by commas
 * (`days=15,cureShare=0.8,segment=gig,waivePenalty=true`); the service checks each value's range.
 */
export function parseGridOutage(text: string): GridOutage {
  const outage: Record<string, string | number | boolean> = {};
  for (const pair of text.split(',')) {
    const [key = '', raw = '', ...more] = pair.split('=').map((part) => part.trim());
    const fail = (why: string): UserError => new UserError('BAD_REQUEST', `--outage '${text}': ${why}`, { outage: text });
    if (more.length > 0 || raw === '') throw fail(`expected key=value, got '${pair}'`);
    if (Object.hasOwn(outage, key)) throw fail(`${key} is given twice`);
    if ((OUTAGE_NUMBERS as readonly string[]).includes(key)) outage[key] = numberOf(raw, text, key);
    else if (key === 'segment') outage[key] = raw;
    else if (key === 'waivePenalty' && (raw === 'true' || raw === 'false')) outage[key] = raw === 'true';
    else if (key === 'waivePenalty') throw fail(`waivePenalty is true or false, got '${raw}'`);
    else throw fail(`'${key}' is not a field of an outage (fields: ${[...OUTAGE_NUMBERS, 'segment', 'waivePenalty'].join(', ')})`);
  }
  return outage;
}
