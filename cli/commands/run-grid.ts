import type { DealRunRequest, GridResult } from '../../service/api/contract.ts';
import { gridOf } from '../../service/jobs/job-manager.ts';
import { gridCsv, gridFrontierCsv } from '../../service/runs/grid-report.ts';
import { parseGridAxis, parseGridOutage } from '../../service/runs/grid-axis.ts';
import { GRID_PARAMETERS } from '../../service/runs/grid-parameters.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, moneyUnit, textTable, UsageError } from '../output.ts';
import type { Currency } from '../../messages/numbers.ts';
import { noteHeading } from '../words.ts';
import { writeFolderAtomically } from '../out-folder.ts';
import { followJob } from '../progress.ts';
import { storedNoteText } from '../stored-note.ts';
import { ApiCallError, unwrap, type CommandIO } from '../run.ts';

export interface GridRunOptions {
  /** The two axes as written: "defaultMult=0.5:4:0.5" "prepayMult=0.5,1,1.5". */
  readonly axes: readonly string[];
  readonly jobs: number | undefined;
  /** --outage "days=15,cureShare=0.8": the outage an outageShare / outageMonth axis varies. */
  readonly outage: string | undefined;
  readonly json: boolean;
  readonly csv: boolean;
  readonly out: string | undefined;
  readonly quiet: boolean;
}

const value = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : String(x));

/** Per note: loss % in a table of row values × column values; then each note's frontier along the rows. */
export function formatGrid(grid: GridResult, seconds: number, currency: Currency | undefined): string {
  const { rows, columns } = grid;
  const corner = `${rows.parameter} ↓ / ${columns.parameter} →`;
  const header = [corner, ...columns.values.map(String)];
  const out = [
    `${grid.dealName} · grid ${rows.parameter} (${GRID_PARAMETERS[rows.parameter].label}) × ${columns.parameter} (${GRID_PARAMETERS[columns.parameter].label}) · pool ${grid.poolName} (${grid.mode === 'loan' ? 'loan level' : 'representative lines'}) · pool balance ${formatMoney(grid.poolBalance)} (${moneyUnit(currency)}) · ${rows.values.length * columns.values.length} cells · ${seconds.toFixed(2)} s`,
  ];
  grid.notes.forEach((note, n) => {
    const body = grid.cells.map((row, i) => [String(rows.values[i]), ...row.map((cell) => formatPct(cell.notes[n]?.lossRate ?? null))]);
    const { line } = textTable(header, body, new Set([0]));
    out.push('', `${noteHeading(note)} — loss % of original balance`, line(header), ...body.map(line));
  });
  const frontierHeader = [rows.parameter, ...grid.notes.flatMap((note) => [`${note.name}: principal lost at ${columns.parameter} ≥`, `${note.name}: timely interest missed at ≥`])];
  const frontierRows = rows.values.map((r, i) => [String(r), ...grid.frontier.flatMap((f) => [value(f.principalLoss[i]), value(f.timelyInterest[i])])]);
  const { line } = textTable(frontierHeader, frontierRows, new Set([0]));
  out.push(
    '',
    `Frontier: for each ${rows.parameter}, the smallest ${columns.parameter} of the grid at which the note loses principal (written down, or unpaid at the end) and at which it first ends a period with interest unpaid; — : nowhere on the row.`,
    line(frontierHeader),
    ...frontierRows.map(line),
    'Loss % = write-down ÷ original balance. --json: every cell’s loss, WAL, yield and interest shortfalls; --csv: one row per cell and note.',
  );
  return out.join('\n');
}

/** A command-line reading's error as a usage error (exit 1, one line). */
function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** abs run DEAL.json --grid "ROW=…" "COL=…": the grid on the worker pool, a loss table per note and the frontier. */
export async function runGrid(request: DealRunRequest, options: GridRunOptions, service: Service, io: CommandIO): Promise<void> {
  if (options.axes.length !== 2) throw new UsageError(`--grid takes two axes, rows then columns: --grid "defaultMult=0.5:4:0.5" "prepayMult=0.5,1,1.5" (got ${options.axes.length})`);
  const [rows, columns] = options.axes.map((axis) => usage(() => parseGridAxis(axis)));
  if (rows === undefined || columns === undefined) throw new UsageError('--grid takes two axes');
  const outage = options.outage === undefined ? undefined : usage(() => parseGridOutage(options.outage ?? ''));
  const started = unwrap(await service.call('deal.grid', { ...request, rows, columns, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), ...(outage !== undefined ? { outage } : {}) }));
  const job = await followJob(service, started, 'grid', options.quiet);
  if (job.error) throw new ApiCallError(job.error);
  const ran = gridOf(job);
  if (!ran) throw new Error('the grid finished without a result');
  const { grid } = ran;
  if (ran.stored?.warning) io.err(`Warning: ${ran.stored.warning}`);
  const json = `${JSON.stringify({ grid }, null, 2)}\n`;
  if (options.out !== undefined) {
    writeFolderAtomically(
      options.out,
      new Map([
        ['grid.csv', gridCsv(grid)],
        ['grid-frontier.csv', gridFrontierCsv(grid)],
        ['grid.json', json],
      ]),
    );
  }
  if (options.json) io.out(json.trimEnd());
  else if (options.csv) io.out(gridCsv(grid).trimEnd());
  else io.out([formatGrid(grid, ran.seconds, request.deal.currency), storedNoteText('Grid', ran.stored)].filter((x) => x !== null).join('\n'));
}
