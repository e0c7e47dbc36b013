import { dirname, isAbsolute, resolve } from 'node:path';
import type { AssumptionFile, DealRunRequest, ScenarioSetRunRequest, ScenarioSetRunResult, TrancheRow } from '../../service/api/contract.ts';
import { scenarioSetRunOf } from '../../service/jobs/job-manager.ts';
import { scenarioBreakevenCsv, scenarioPoolCsv, scenarioTrancheCsv } from '../../service/runs/scenario-report.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, moneyUnit, readJsonFile, textTable } from '../output.ts';
import type { Currency } from '../../messages/numbers.ts';
import { denominatorWords, noteHeading } from '../words.ts';
import { writeFolderAtomically } from '../out-folder.ts';
import { followJob } from '../progress.ts';
import { ApiCallError, unwrap, unwrapFile, type CommandIO } from '../run.ts';
import { storedNoteText } from '../stored-note.ts';

export interface ScenarioRunOptions {
  readonly setPath: string;
  readonly json: boolean;
  readonly csv: boolean;
  readonly out: string | undefined;
  readonly quiet: boolean;
  /** Each note's breakeven under every scenario (--breakeven with --scenarios). */
  readonly breakevens: ScenarioSetRunRequest['breakevens'];
  readonly jobs: number | undefined;
}

const years = (x: number | null): string => (x === null ? '—' : x.toFixed(2));
/** "2027-02-26" → "2027-02": the payment month. */
const month = (date: string | undefined): string => date?.slice(0, 7) ?? '';

/** One figure of a note per scenario: label, then the cell of each scenario. */
type Figure = readonly [string, (t: TrancheRow) => string];

/** A note's figures, amounts in `unit` (the deal file's currency). */
const figures = (unit: string): readonly Figure[] => [
  ['  WAL (y)', (t) => years(t.walYears)],
  ['  Window (payment months)', (t) => (t.firstPrincipal && t.lastPrincipal ? `${month(t.firstPrincipal.date)}–${month(t.lastPrincipal.date)}` : '—')],
  ['  Yield @par ann.eff. (IRR: residual)', (t) => (t.irr !== null ? `IRR ${formatPct(t.irr)}` : formatPct(t.yieldAtParAnnualEffective))],
  ['  Loss %', (t) => formatPct(t.lossRate)],
  [`  Interest shortfall (${unit})`, (t) => formatMoney(t.interestShortfall)],
];

/** The tranche table per scenario side by side: per note its figures in rows, one column per scenario; then the pool's figures. */
export function formatScenarioRun(result: ScenarioSetRunResult, seconds: number, base: string, currency: Currency | undefined): string {
  const { scenarios } = result;
  const unit = moneyUnit(currency);
  const header = ['', ...scenarios.map((s) => s.name)];
  const notes = scenarios[0]?.tranches ?? [];
  const rows: string[][] = [];
  notes.forEach((note, i) => {
    rows.push([noteHeading(note), ...scenarios.map(() => '')]);
    for (const [label, cell] of figures(unit)) rows.push([label, ...scenarios.map((s) => (s.tranches[i] ? cell(s.tranches[i]) : '—'))]);
  });
  if (scenarios.some((s) => s.breakeven !== undefined)) {
    notes.forEach((note) => {
      rows.push([`  ${note.name} breakeven`, ...scenarios.map((s) => breakevenText(s.breakeven, note.id))]);
    });
  }
  rows.push(['Pool', ...scenarios.map(() => '')]);
  rows.push(['  Cumulative default rate', ...scenarios.map((s) => formatPct(s.cumulativeDefaultRate))]);
  rows.push([`  Cumulative net loss (${unit})`, ...scenarios.map((s) => formatMoney(s.cumulativeNetLoss))]);
  rows.push(['  Net loss % of cutoff pool', ...scenarios.map((s) => formatPct(s.cumulativeNetLossRate))]);
  rows.push([`  Reserve draws (${unit})`, ...scenarios.map((s) => formatMoney(s.reserveDraws))]);
  rows.push(['  Triggers breached (first period)', ...scenarios.map((s) => breachedText(s.triggerFirstBreach))]);
  const { line } = textTable(header, rows, new Set([0]));
  const first = notes[0];
  const walFrom = !first || first.walFrom === result.closingDate ? 'closing' : first.walFrom;
  return [
    `${result.dealName} · scenario set ${result.setName} · base ${base} · pool ${result.poolName} (${result.mode === 'loan' ? 'loan level' : 'representative lines'}) · pool balance ${formatMoney(result.poolBalance)} (${unit}) · cutoff ${result.cutoffDate} · closing ${result.closingDate} · ${scenarios.length} scenarios · ${seconds.toFixed(2)} s`,
    line(header),
    ...rows.map(line),
    `WAL in years on ${first?.walBasis ?? 'ACT/365'} from ${walFrom}; window = first and last principal payment months; yield at par at closing, annual effective on actual dates (ACT/365, as XIRR), IRR for a residual note; loss % = write-down ÷ original balance; interest shortfall = interest unpaid at the end; cumulative default rate = cumulative defaults ÷ ${denominatorWords(result.cumulativeRatioDenominator)}; net loss = defaults × (1 − recovery rate), booked at default.`,
    ...scenarios.flatMap((s) => s.warnings.map((w) => `Warning (${s.name}): ${w}`)),
  ].join('\n');
}

/** A note's breakeven under one scenario: "2.345× timely", "≥ 1000× ultimate", "loses at 0", "—" (residual). */
function breakevenText(breakeven: ScenarioSetRunResult['scenarios'][number]['breakeven'], noteId: string): string {
  const row = breakeven?.rows.find((r) => r.id === noteId);
  if (!breakeven || !row) return '—';
  if (row.status === 'lossWithoutStress') return 'loses at 0';
  const stress = breakeven.by === 'cdr' ? `${formatPct(row.stress)} CDR` : `${row.stress.toFixed(3)}×`;
  return `${row.status === 'beyondRange' ? '≥ ' : ''}${stress} ${row.interest}`;
}

function breachedText(breaches: Readonly<Record<string, number | null>>): string {
  const hit = Object.entries(breaches).filter(([, p]) => p !== null);
  return hit.length === 0 ? 'none' : hit.map(([id, p]) => `${id} p${p}`).join(' ');
}

/**
 * The set's base as the run takes it: the run's --assumptions (already in `request`), else a
 * `base` that names a file (ends in .json or holds a path separator), read beside the set file;
 * else the service looks the name up among the workspace's saved sets.
 */
export async function baseOf(set: { base?: string }, setPath: string, request: DealRunRequest, service: Service): Promise<{ assumptions?: AssumptionFile; label: string }> {
  if (request.assumptions !== undefined) return { label: 'the --assumptions file' };
  if (set.base === undefined) return { label: 'the deal file’s assumptions' };
  if (!/\.json$|[/\\]/i.test(set.base)) return { label: `saved set "${set.base}"` };
  const path = isAbsolute(set.base) ? set.base : resolve(dirname(setPath), set.base);
  const { assumptions } = unwrapFile(await service.call('assumptions.check', { assumptions: readJsonFile(path, 'base assumptions') }), { what: 'assumption file', path });
  return { assumptions, label: set.base };
}

/** abs run DEAL.json --scenarios SET.json: every scenario of the set, side by side. */
export async function runScenarios(request: DealRunRequest, options: ScenarioRunOptions, service: Service, io: CommandIO): Promise<void> {
  const checked = unwrapFile(await service.call('scenarios.check', { scenarios: readJsonFile(options.setPath, 'scenario set'), ...(request.tapeId !== undefined ? { tapeId: request.tapeId } : {}) }), {
    what: 'scenario set',
    path: options.setPath,
  });
  const base = await baseOf(checked.set, options.setPath, request, service);
  const scenarioRequest: ScenarioSetRunRequest = {
    ...request,
    ...(base.assumptions ? { assumptions: base.assumptions, scenarioName: base.label } : {}),
    scenarios: checked.set,
    ...(options.breakevens !== undefined ? { breakevens: options.breakevens } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
  };
  const job = await followJob(service, unwrap(await service.call('deal.runScenarios', scenarioRequest)), 'scenarios', options.quiet);
  if (job.error) throw new ApiCallError(job.error);
  const ran = scenarioSetRunOf(job);
  if (!ran) throw new Error('the scenario runs finished without a result');
  const result = ran.scenarios;
  if (ran.stored?.warning) io.err(`Warning: ${ran.stored.warning}`);
  const stored = storedNoteText('Scenario set', ran.stored);
  // --json and --out hold the results and the base they ran on only, so the same inputs print the same bytes.
  const json = `${JSON.stringify({ base: base.label, scenarios: result }, null, 2)}\n`;
  if (options.out !== undefined) {
    writeFolderAtomically(
      options.out,
      new Map([
        ['scenario-tranches.csv', scenarioTrancheCsv(result)],
        ['scenario-pool.csv', scenarioPoolCsv(result)],
        ...(options.breakevens !== undefined ? [['scenario-breakevens.csv', scenarioBreakevenCsv(result)] as const] : []),
        ['scenarios.json', json],
      ]),
    );
  }
  if (options.json) io.out(json.trimEnd());
  else if (options.csv) io.out(scenarioTrancheCsv(result).trimEnd());
  else io.out([formatScenarioRun(result, ran.seconds, base.label, request.deal.currency), ...(stored === null ? [] : [stored])].join('\n'));
}
