import { basename } from 'node:path';
import type { VintageHistory } from '../../engine/index.ts';
import { UserError } from '../errors.ts';
import type { TapeEncoding } from '../tape/encoding.ts';
import { assembleVintages } from './assemble.ts';
import type { Metric } from './columns.ts';
import { readTable, type BalanceReading, type Observation, type TableLayout } from './layout.ts';
import { ProblemList } from './problems.ts';
import { formatOf, readTables } from './sheets.ts';

export { METRIC_LABELS, METRICS, roleOf } from './columns.ts';
export type { Metric } from './columns.ts';
export type { TableLayout } from './layout.ts';
export type { StaticPoolProblem } from './problems.ts';

/** One file of a static pool: where it is, the name the user knows it by, and how to read it. */
export interface StaticPoolFileInput {
  readonly path: string;
  readonly fileName?: string;
  readonly encoding?: TapeEncoding;
  /** The metric of a wide table that names none (no 指标 column, title or sheet name). */
  readonly metric?: Metric;
}

export interface StaticPool {
  readonly vintages: readonly VintageHistory[];
  /** Every table read, in file and sheet order. */
  readonly tables: readonly TableLayout[];
  /** Tables (sheets) passed over, and why. */
  readonly skipped: readonly { readonly file: string; readonly sheet: string | null; readonly reason: string }[];
}

/**
 * Reads a static pool (静态池) from one or more CSV/XLSX files — one per metric, or all metrics in
 * one — and merges them by vintage. Every problem in every file is collected and thrown as one
 * BAD_FILE error naming file, sheet, row and column (docs/static-pool.md).
 */
export async function readStaticPool(files: readonly StaticPoolFileInput[]): Promise<StaticPool> {
  if (files.length === 0) throw new UserError('BAD_REQUEST', 'A static pool needs at least one file', {});
  const problems = new ProblemList();
  const observations: Observation[] = [];
  const balances: BalanceReading[] = [];
  const tables: TableLayout[] = [];
  const skipped: { file: string; sheet: string | null; reason: string }[] = [];
  for (const file of files) {
    const name = file.fileName ?? basename(file.path);
    formatOf(name);
    const before = tables.length;
    for (const table of await readTables(file.path, name, file.encoding ? { encoding: file.encoding } : {})) {
      const read = readTable(name, table, problems, file.metric);
      if (typeof read === 'string') skipped.push({ file: name, sheet: table.sheet, reason: read });
      else {
        tables.push(read.layout);
        observations.push(...read.observations);
        balances.push(...read.balances);
      }
    }
    if (tables.length === before) {
      const reasons = skipped.filter((s) => s.file === name).map((s) => (s.sheet === null ? s.reason : `sheet "${s.sheet}": ${s.reason}`));
      throw new UserError('BAD_FILE', `${name} holds no static-pool table: ${reasons.join('; ')}`, { file: name, skipped: reasons });
    }
  }
  const vintages = assembleVintages(observations, balances, problems);
  problems.throwIfAny();
  if (vintages.length === 0) throw new UserError('BAD_FILE', `${files.map((f) => f.fileName ?? basename(f.path)).join(', ')}: no vintage has a value`, {});
  return { vintages, tables, skipped };
}
