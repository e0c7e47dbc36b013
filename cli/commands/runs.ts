import { parseArgs } from 'node:util';
import type { BreakevenResult, RunFigure, RunRecord, StoredRun } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, textTable, UsageError } from '../output.ts';
import { denominatorWords } from '../words.ts';
import { inputFingerprints, shortInputHash } from '../../messages/run-fingerprint.ts';
import { unwrap, type CommandIO } from '../run.ts';
import { formatProjection } from './project.ts';
import { formatRun } from './run.ts';
import { formatGrid } from './run-grid.ts';
import { formatScenarioRun } from './run-scenarios.ts';
import { formatMonteCarlo } from './run-monte-carlo.ts';

const RUNS_HELP = `Usage: abs runs <list|show|rename|delete> --db WORKSPACE [--json]

  abs runs list --db FILE [--json]              stored runs, newest first, with key figures
  abs runs show ID --db FILE [--json]           a stored run: its inputs and its results as computed
  abs runs rename ID NAME --db FILE             rename a stored run
  abs runs delete ID --db FILE                  delete a stored run (its next identical run is computed again)

Every projection, deal run, breakeven search, scenario set and grid with --db is stored in the workspace with its
inputs and their hash (which includes the engine's version and sources); an identical rerun is
served from the store. docs/run-store.md says what is stored and when a run is served.`;

const KIND_LABEL: Readonly<Record<RunRecord['kind'], string>> = {
  projection: 'projection',
  deal: 'deal run',
  breakeven: 'breakevens',
  scenarios: 'scenario set',
  grid: 'grid',
  'monte-carlo': 'Monte Carlo',
};

/** A key figure with its unit: "1.23 y", "4.56%", "1,234.00", "2.345×". */
function figureText(figure: RunFigure): string {
  if (figure.value === null) return '—';
  if (figure.unit === 'years') return `${figure.value.toFixed(2)} y`;
  if (figure.unit === 'ratio') return formatPct(figure.value);
  if (figure.unit === 'money') return formatMoney(figure.value);
  if (figure.unit === 'multiple') return `${figure.value.toFixed(3)}×`;
  return figure.value.toLocaleString('en-US');
}

/** A key figure's label as stored (service/run-store/figures.ts), its denominator named in the screens' words. */
const figureLabel = (label: string): string => label.replace(/\(÷ (\w+)\)$/, (_, name: string) => `(÷ ${denominatorWords(name)})`);

const json = (x: unknown): string => JSON.stringify(x, null, 2);
const created = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function formatList(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'No stored runs in this workspace (abs run DEAL.json --db … stores one).';
  const header = ['ID', 'Kind', 'Created', 'Name', 'Key figures'];
  // A name another run shares with other inputs (the deal as written and sized to the pool) is told apart by its short input hash, as on the screens.
  const fingerprints = inputFingerprints(runs);
  const named = (r: RunRecord): string => (fingerprints.has(r.id) ? `${r.name} [inputs ${fingerprints.get(r.id)}]` : r.name);
  const rows = runs.map((r) => [String(r.id), KIND_LABEL[r.kind], created(r.createdAt), named(r), r.figures.map((f) => `${figureLabel(f.label)} ${figureText(f)}`).join(' · ')]);
  const { line } = textTable(header, rows, new Set([1, 2, 3, 4]));
  return [line(header), ...rows.map(line)].map((l) => l.trimEnd()).join('\n');
}

function formatBreakevens(result: BreakevenResult): string {
  const header = ['Note', 'Test', 'Status', result.by === 'cdr' ? 'Breakeven CDR' : 'Breakeven ×', 'Cum. default rate', 'Cum. net loss ÷ cutoff'];
  const rows = result.rows.map((r) => [
    r.name,
    r.interest,
    r.status,
    result.by === 'cdr' ? formatPct(r.stress) : `${r.stress.toFixed(3)}×`,
    formatPct(r.cumulativeDefaultRate),
    formatPct(r.cumulativeNetLossRate),
  ]);
  const { line } = textTable(header, rows, new Set([0, 1, 2]));
  return [`${result.dealName} · breakevens by ${result.by === 'cdr' ? 'constant CDR' : 'default multiplier'} · ${result.runs} runs`, line(header), ...rows.map(line)].join('\n');
}

function formatStored({ record, inputs, result }: StoredRun): string {
  const overrides = inputs.kind !== 'projection' && Object.keys(inputs.scenarioOverrides).length > 0 ? inputs.scenarioOverrides : undefined;
  // The stored run's deal file's currency, which its amount columns state.
  const currency = inputs.kind === 'projection' ? undefined : inputs.deal.currency;
  const head = `Run #${record.id} · ${KIND_LABEL[record.kind]} · "${record.name}" · computed ${created(record.createdAt)} in ${record.seconds.toFixed(2)} s · engine ${record.engine.version} (sources ${record.engine.sourcesSha256.slice(0, 12)}) · input hash ${shortInputHash(record.inputHash)}`;
  const body =
    result.kind === 'deal.run'
      ? formatRun(result, null, overrides, currency)
      : result.kind === 'deal.breakeven'
        ? formatBreakevens(result.breakeven)
        : result.kind === 'deal.runScenarios'
          ? formatScenarioRun(result.scenarios, result.seconds, inputs.kind !== 'projection' && inputs.assumptions !== null ? 'the assumptions given' : 'the deal file’s assumptions', currency)
          : result.kind === 'deal.grid'
            ? formatGrid(result.grid, result.seconds, currency)
            : result.kind === 'deal.monteCarlo'
              ? formatMonteCarlo(result.monteCarlo, result.seconds, currency)
              : formatProjection(result);
  return `${head}\n${body}`;
}

function runId(value: string | undefined, sub: string): number {
  if (value === undefined) throw new UsageError(`runs ${sub} needs a run id: abs runs ${sub} ID --db WORKSPACE`);
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`a run id is a whole number (abs runs list shows them), got '${value}'`);
  return Number(value);
}

export async function runsCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(RUNS_HELP);
    return;
  }
  if (sub !== 'list' && sub !== 'show' && sub !== 'rename' && sub !== 'delete') throw new UsageError(`unknown runs command '${sub}' (expected: list, show, rename, delete)`);
  const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (!values.db) throw new UsageError(`runs ${sub} needs --db WORKSPACE`);
  const expected = { list: 0, show: 1, rename: 2, delete: 1 }[sub];
  if (positionals.length > expected)
    throw new UsageError(`runs ${sub} takes ${expected === 0 ? 'no arguments' : expected === 1 ? 'a run id' : 'a run id and a name'}, got also ${positionals.slice(expected).join(' ')}`);
  unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  if (sub === 'list') {
    const runs = unwrap(await service.call('runs.list', {}));
    io.out(values.json ? json(runs) : formatList(runs));
    return;
  }
  const id = runId(positionals[0], sub);
  if (sub === 'show') {
    const stored = unwrap(await service.call('runs.get', { id }));
    io.out(values.json ? json(stored) : formatStored(stored));
  } else if (sub === 'rename') {
    const name = positionals[1];
    if (name === undefined) throw new UsageError('runs rename needs a name: abs runs rename ID NAME --db WORKSPACE');
    const record = unwrap(await service.call('runs.rename', { id, name }));
    io.out(values.json ? json(record) : `Run #${record.id} is now "${record.name}"`);
  } else {
    unwrap(await service.call('runs.delete', { id }));
    io.out(values.json ? JSON.stringify({ deleted: id }) : `Deleted run #${id}`);
  }
}
