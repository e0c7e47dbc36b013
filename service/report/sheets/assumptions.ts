import type { ExcelJSTypes } from '../../../data/excel.ts';
import type { Labels } from '../labels.ts';
import type { ReportModel } from '../model.ts';
import { writeTable, type CellInput, type Column } from '../table.ts';

interface Setting {
  readonly scenario: string;
  readonly source: string;
  readonly path: string;
  readonly value: CellInput;
}

/** Every leaf of a JSON value as (JSON path, value): numbers stay numbers, the rest is text. */
export function jsonLeaves(value: unknown, path = '$'): { path: string; value: CellInput }[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, value: '[]' }];
    return value.flatMap((item, k) => jsonLeaves(item, `${path}[${k}]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [{ path, value: '{}' }];
    return entries.flatMap(([key, v]) => jsonLeaves(v, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`));
  }
  if (typeof value === 'number') return [{ path, value }];
  return [{ path, value: value === null ? 'null' : typeof value === 'string' ? value : JSON.stringify(value) }];
}

/**
 * Per scenario, everything its run was computed from besides the deal file: the projection mode,
 * the assumption set (every curve, roll rate, recovery and event stress, each at its JSON path as
 * in the file) and the scenario's changes on top (multipliers, curves, recoveries, index rates,
 * event stresses) — enough to write the files back and rerun.
 */
export function writeAssumptions(sheet: ExcelJSTypes.Worksheet, model: ReportModel, t: Labels): void {
  const settings: Setting[] = [];
  for (const scenario of model.scenarios) {
    const { inputs } = scenario;
    const base = inputs.assumptions ?? model.deal.assumptions ?? null;
    const baseSource = inputs.assumptions === null ? t('src.dealAssumptions') : t('src.assumptions');
    settings.push({ scenario: scenario.name, source: t('src.run'), path: '$.mode', value: inputs.mode });
    for (const leaf of jsonLeaves(base)) settings.push({ scenario: scenario.name, source: baseSource, ...leaf });
    const overrides = Object.keys(inputs.scenarioOverrides).length > 0 ? jsonLeaves(inputs.scenarioOverrides) : [];
    for (const leaf of overrides) settings.push({ scenario: scenario.name, source: t('src.overrides'), ...leaf });
  }
  const columns: Column<Setting>[] = [
    { header: t('col.scenario'), format: 'text', value: (s) => s.scenario },
    { header: t('col.source'), format: 'text', value: (s) => s.source },
    { header: t('col.path'), format: 'text', value: (s) => s.path },
    { header: t('col.value'), format: 'number', value: (s) => s.value },
  ];
  writeTable(sheet, t, 1, columns, settings);
}
