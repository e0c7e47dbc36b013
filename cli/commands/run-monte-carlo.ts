import type { DealRunRequest, DefaultRateDistributionRequest, MonteCarloResult, RatingRow } from '../../service/api/contract.ts';
import { monteCarloOf } from '../../service/jobs/job-manager.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, moneyUnit, readJsonFile, textTable, UsageError } from '../output.ts';
import type { Currency } from '../../messages/numbers.ts';
import { denominatorWords } from '../words.ts';
import { followJob } from '../progress.ts';
import { storedNoteText } from '../stored-note.ts';
import { ApiCallError, unwrap, type CommandIO } from '../run.ts';

export interface MonteCarloOptions {
  readonly paths: string;
  readonly seed: string | undefined;
  readonly dist: string | undefined;
  readonly jobs: string | undefined;
  readonly ratingTable: string | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

const DIST_FORM = 'lognormal:mean=0.04,cv=0.5 or vasicek:pd=0.04,rho=0.1';

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got '${text}'`);
  return value;
}

/** `lognormal:mean=0.04,cv=0.5` (mean optional: the scenario's own lifetime default) or `vasicek:pd=0.04,rho=0.1`. */
export function parseDistribution(text: string): DefaultRateDistributionRequest {
  const [kind, rest = ''] = text.split(':', 2);
  const fields = new Map<string, number>();
  for (const part of rest.split(',').filter((p) => p.trim() !== '')) {
    const [key = '', raw = ''] = part.split('=', 2).map((s) => s.trim());
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) throw new UsageError(`--dist: '${part}' is not name=number (expected ${DIST_FORM})`);
    fields.set(key, value);
  }
  const allowed = kind === 'lognormal' ? ['mean', 'cv'] : kind === 'vasicek' ? ['pd', 'rho'] : null;
  if (allowed === null) throw new UsageError(`--dist must be lognormal or vasicek, got '${kind ?? ''}' (expected ${DIST_FORM})`);
  const unknown = [...fields.keys()].filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new UsageError(`--dist ${kind} takes ${allowed.join(' and ')}, not ${unknown.join(', ')}`);
  const need = (key: string): number => {
    const value = fields.get(key);
    if (value === undefined) throw new UsageError(`--dist ${kind} needs ${key}= (expected ${DIST_FORM})`);
    return value;
  };
  if (kind === 'vasicek') return { kind: 'vasicek', pd: need('pd'), rho: need('rho') };
  const mean = fields.get('mean');
  return { kind: 'lognormal', cv: need('cv'), ...(mean !== undefined ? { mean } : {}) };
}

/** A bar of `width` characters for count ÷ max. */
const bar = (count: number, max: number, width = 40): string => '█'.repeat(max > 0 ? Math.round((count / max) * width) : 0);

/** The per-note table, the pool's loss figures and a text histogram of the pool's net loss. */
export function formatMonteCarlo(result: MonteCarloResult, seconds: number, currency: Currency | undefined): string {
  const header = ['Note', `Balance (${moneyUnit(currency)})`, 'EL %', 'SE %', 'P(loss)', 'WAL (y)', 'p50', 'p75', 'p90', 'p95', 'p99', 'Paths for SE<1%', ...(result.ratingTable ? ['Rating'] : [])];
  const rows = result.notes.map((n) => [
    n.name,
    formatMoney(n.originalBalance),
    formatPct(n.expectedLoss, 3),
    formatPct(n.standardError, 3),
    formatPct(n.probabilityOfLoss, 1),
    n.meanWalYears === null ? '—' : n.meanWalYears.toFixed(2),
    ...[n.percentiles.p50, n.percentiles.p75, n.percentiles.p90, n.percentiles.p95, n.percentiles.p99].map((x) => formatPct(x, 2)),
    n.pathsForOnePercentError === null ? '—' : n.pathsForOnePercentError.toLocaleString('en-US'),
    ...(result.ratingTable ? [n.impliedRating ?? 'below table'] : []),
  ]);
  const { line } = textTable(header, rows, new Set([0]));
  const max = Math.max(...result.pool.histogram.map((b) => b.paths));
  const histogram = result.pool.histogram.map((b) => `  ${formatPct(b.from, 2).padStart(7)} – ${formatPct(b.to, 2).padStart(7)}  ${String(b.paths).padStart(6)}  ${bar(b.paths, max)}`);
  const p = result.pool.percentiles;
  return [
    `${result.dealName} · pool ${result.poolName} · Monte Carlo ${result.paths.toLocaleString('en-US')} paths · seed ${result.seed} · ${result.distributionText} · ${seconds.toFixed(2)} s (${(result.paths / Math.max(seconds, 1e-9)).toFixed(0)} paths/s)`,
    `Lifetime default (cutoff pool's cumulative gross defaults ÷ cutoff balance): scenario ${formatPct(result.scenarioLifetimeDefault, 3)}, mean over paths ${formatPct(result.meanLifetimeDefault, 3)}; reachable ${formatPct(result.floorLifetimeDefault, 3)}–${formatPct(result.capLifetimeDefault, 3)} (paths floored ${result.flooredPaths}, capped ${result.cappedPaths}); the deal's cumulative default rate (÷ ${denominatorWords(result.cumulativeRatioDenominator)}, purchases included) averages ${formatPct(result.meanDealCumulativeDefault, 3)}`,
    line(header),
    ...rows.map(line),
    `EL = mean principal not repaid ÷ original balance; SE = standard deviation ÷ √paths; P(loss) = share of paths losing principal; WAL = mean over paths (years, ${result.notes[0]?.walBasis ?? 'ACT/365'}); p50…p99 = loss percentiles (type 7).`,
    `Pool net loss (the deal's pool, purchases included: defaults × (1 − recovery rate), booked at default, ÷ cutoff balance): mean ${formatPct(result.pool.meanNetLoss, 3)} · p50 ${formatPct(p.p50)} · p90 ${formatPct(p.p90)} · p99 ${formatPct(p.p99)}`,
    '  Net loss range        Paths',
    ...histogram,
  ].join('\n');
}

function ratingTableOf(path: string | undefined): RatingRow[] | undefined {
  if (path === undefined) return undefined;
  const raw = readJsonFile(path, 'rating table');
  if (!Array.isArray(raw)) throw new UsageError(`${path}: a rating table is a JSON array of {"rating": "Aaa", "maxExpectedLoss": 0.00001} rows, best rating first`);
  return raw as RatingRow[];
}

/** abs run DEAL.json --mc N: the Monte Carlo job, its progress, then the per-note table (or --json). */
export async function runMonteCarlo(request: DealRunRequest, options: MonteCarloOptions, service: Service, io: CommandIO): Promise<void> {
  const paths = wholeNumber(options.paths, '--mc', 1, 100_000);
  const seed = options.seed === undefined ? 1 : wholeNumber(options.seed, '--seed', 0, 0xffff_ffff);
  const jobs = options.jobs === undefined ? undefined : wholeNumber(options.jobs, '--jobs', 1, 256);
  const distribution = parseDistribution(options.dist ?? 'lognormal:cv=0.5');
  const ratingTable = ratingTableOf(options.ratingTable);
  const started = unwrap(await service.call('deal.monteCarlo', { ...request, distribution, paths, seed, ...(jobs !== undefined ? { jobs } : {}), ...(ratingTable ? { ratingTable } : {}) }));
  const job = await followJob(service, started, 'Monte Carlo', options.quiet);
  if (job.error) throw new ApiCallError(job.error);
  const ran = monteCarloOf(job);
  if (!ran) throw new Error('the Monte Carlo finished without a result');
  const note = storedNoteText('Monte Carlo', ran.stored);
  if (ran.stored?.warning) io.err(`Warning: ${ran.stored.warning}`);
  if (note !== null && (options.json || options.quiet)) io.err(note);
  // --json holds the result only, so the same inputs print the same bytes (the time is the job's).
  if (options.json) io.out(JSON.stringify(ran.monteCarlo, null, 2));
  else io.out([formatMonteCarlo(ran.monteCarlo, ran.seconds, request.deal.currency), ...(note !== null && !options.quiet ? [note] : [])].join('\n'));
}
