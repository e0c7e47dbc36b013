import { GRID_MAX_AXIS_VALUES, GRID_PARAMETER_RANGES, type DealRunRequest, type GridAxis, type GridParameter, type GridRequest } from '../../../service/api/contract.ts';
import { translate, type MessageKey } from '../../app/i18n.tsx';
import { Store } from '../../app/store.ts';
import { scopedToWorkspace } from '../../app/workspace-scope.ts';
import type { DealSweepRef } from './sweep-ref.ts';

/**
 * The grid parameters `abs run --grid` and `deal.grid` accept (docs/sweeps.md, "Grid parameters"),
 * with what each sets and its unit. A Record over the contract's GridParameter: a parameter added
 * there and not here (or the reverse) does not compile.
 */
export const GRID_PARAMETER_LABELS: Readonly<Record<GridParameter, MessageKey>> = {
  defaultMult: 'grid.param.defaultMult',
  prepayMult: 'grid.param.prepayMult',
  cureMult: 'grid.param.cureMult',
  rollInMult: 'grid.param.rollInMult',
  recoveryMult: 'grid.param.recoveryMult',
  recoveryRate: 'grid.param.recoveryRate',
  recoveryLag: 'grid.param.recoveryLag',
  cdr: 'grid.param.cdr',
  cpr: 'grid.param.cpr',
  indexShockBps: 'grid.param.indexShockBps',
  outageShare: 'grid.param.outageShare',
  outageMonth: 'grid.param.outageMonth',
};

export const GRID_PARAMETERS = Object.keys(GRID_PARAMETER_LABELS) as GridParameter[];

export function isGridParameter(name: string): name is GridParameter {
  return Object.hasOwn(GRID_PARAMETER_LABELS, name);
}

/** The grid panel's inputs as typed (text, so a half-typed value stays as it is) and its jobs. */
export interface GridForm {
  readonly rowParameter: GridParameter;
  readonly rowValues: string;
  readonly columnParameter: GridParameter;
  readonly columnValues: string;
  /** Worker threads; empty: every core. */
  readonly workers: string;
  /** The job started last and the last one shown, with the inputs and deal they ran (another key makes a shown result out of date; another deal hides it). */
  readonly latest: DealSweepRef | null;
  readonly shown: DealSweepRef | null;
}

/** Kept outside the screen, so a grid goes on while the analyst looks elsewhere. */
export const gridForm = new Store<GridForm>({
  rowParameter: 'defaultMult',
  rowValues: '0.5:4:0.5',
  columnParameter: 'prepayMult',
  columnValues: '0.5,1,1.5',
  workers: '',
  latest: null,
  shown: null,
});

// A grid's result is a run stored in the workspace it ran in; the axes as typed stay.
scopedToWorkspace({ forget: () => updateGridForm({ latest: null, shown: null }) });

export function updateGridForm(patch: Partial<GridForm>): void {
  gridForm.set({ ...gridForm.get(), ...patch });
}

function numberOf(token: string): number | null {
  const trimmed = token.trim();
  return trimmed === '' || !Number.isFinite(Number(trimmed)) ? null : Number(trimmed);
}

/**
 * An axis' values as the CLI's `--grid` writes them after `name=`: `start:end:step` (inclusive:
 * start + k × step, rounded to 10 decimals so 0.1 steps give 0.3, with the end reached by whole
 * steps) or `v1,v2,…` in the order given. The values or the problem in words; gridRequest checks
 * each value against its parameter's range.
 */
export function axisValues(text: string): { values: number[] } | { problem: string } {
  const body = text.trim();
  if (body === '') return { problem: translate('grid.problem.noValues') };
  if (body.includes(':')) {
    const parts = body.split(':');
    if (parts.length !== 3) return { problem: translate('grid.problem.parts', { n: parts.length }) };
    const [from, to, step] = parts.map(numberOf);
    if (from === null || from === undefined || to === null || to === undefined || step === null || step === undefined) return { problem: translate('grid.problem.notNumbers', { body }) };
    if (step <= 0) return { problem: translate('grid.problem.step', { step }) };
    if (to < from) return { problem: translate('grid.problem.endBelowStart', { to, from }) };
    const steps = (to - from) / step;
    const whole = Math.round(steps);
    if (Math.abs(steps - whole) > 1e-9) return { problem: translate('grid.problem.notWhole', { from, to, step }) };
    if (whole + 1 > GRID_MAX_AXIS_VALUES) return { problem: translate('grid.problem.tooMany', { n: whole + 1, max: GRID_MAX_AXIS_VALUES }) };
    return { values: Array.from({ length: whole + 1 }, (_, k) => Number((from + k * step).toFixed(10))) };
  }
  const values = body.split(',').map(numberOf);
  const bad = values.findIndex((v) => v === null);
  if (bad >= 0) return { problem: translate('grid.problem.notANumber', { n: bad + 1, text: body.split(',')[bad]?.trim() ?? '' }) };
  if (values.length > GRID_MAX_AXIS_VALUES) return { problem: translate('grid.problem.tooMany', { n: values.length, max: GRID_MAX_AXIS_VALUES }) };
  if (new Set(values).size !== values.length) return { problem: translate('grid.problem.repeated') };
  return { values: values.filter((v) => v !== null) };
}

/** The form's inputs a problem can belong to (the panel marks that input). */
export type GridField = 'rows' | 'columns' | 'workers';

/** A problem with the form in words, and the input it is at (none: the two parameters together). */
export interface GridProblem {
  readonly problem: string;
  readonly field?: GridField;
}

/** The first value outside its parameter's range (the service's own, GRID_PARAMETER_RANGES), in words; null when every value is in it. */
function rangeProblem(parameter: GridParameter, values: readonly number[]): string | null {
  const range = GRID_PARAMETER_RANGES[parameter];
  const bad = values.find((v) => v < range.min || v > range.max || (range.whole === true && !Number.isInteger(v)));
  if (bad === undefined) return null;
  return translate(range.whole === true ? 'grid.problem.outOfRangeWhole' : 'grid.problem.outOfRange', { value: bad, min: range.min, max: range.max });
}

function axisOf(parameter: GridParameter, text: string, field: 'rows' | 'columns'): { axis: GridAxis } | GridProblem {
  const read = axisValues(text);
  const problem = 'values' in read ? rangeProblem(parameter, read.values) : read.problem;
  if ('values' in read && problem === null) return { axis: { parameter, values: read.values } };
  return { problem: translate('grid.problem.axis', { axis: translate(field === 'rows' ? 'grid.rows' : 'grid.columns'), parameter, problem: problem ?? '' }), field };
}

/**
 * The request the form describes on the deal run chosen above, or the first problem with it in
 * words and the input it is at: every value checked against its parameter's range before Run, so
 * the service refuses nothing the form lets through.
 */
export function gridRequest(form: GridForm, deal: DealRunRequest): { request: GridRequest } | GridProblem {
  if (form.rowParameter === form.columnParameter) return { problem: translate('grid.problem.sameParameter') };
  const rows = axisOf(form.rowParameter, form.rowValues, 'rows');
  if ('problem' in rows) return rows;
  const columns = axisOf(form.columnParameter, form.columnValues, 'columns');
  if ('problem' in columns) return columns;
  const workers = form.workers.trim();
  if (workers !== '' && (!/^\d+$/.test(workers) || Number(workers) < 1 || Number(workers) > 256)) return { problem: translate('grid.problem.workers'), field: 'workers' };
  return { request: { ...deal, rows: rows.axis, columns: columns.axis, ...(workers !== '' ? { jobs: Number(workers) } : {}) } };
}

/** The inputs that decide a grid's result (the worker count does not: the result is the same for any). */
export function gridKey(request: GridRequest): string {
  const { jobs: _jobs, ...inputs } = request;
  return JSON.stringify(inputs);
}
